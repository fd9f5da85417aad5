namespace Geo.Routing.Transit.Fares;

/// <summary>One fare rule of a <see cref="FareModel"/>; empty lists match everything.</summary>
public sealed record FareRule(string Name, IReadOnlyList<int> RouteTypes, IReadOnlyList<string> AgencyIds, decimal FlatFare, decimal PerKm, decimal MinimumFare, decimal? MaximumFare)
{
    public bool Matches(string agencyId, int routeType)
        => (RouteTypes.Count == 0 || RouteTypes.Contains(routeType)) && (AgencyIds.Count == 0 || AgencyIds.Contains(agencyId));

    public decimal RideFare(double km)
    {
        var fare = Math.Max(MinimumFare, FlatFare + (PerKm * (decimal)Math.Max(0, km)));
        return MaximumFare is { } max ? Math.Min(fare, max) : fare;
    }
}

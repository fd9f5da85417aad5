using Geo.Routing.Jobs;
using Geo.Routing.Multimodal;
using Geo.Routing.Streets;
using Geo.Routing.Transit.Fares;
using Geo.Core;

namespace Geo.RoutingServer.Engines;

/// <summary>
/// Public transport for the transit table, loaded once: the GTFS timetable of one service date linked to the walk network
/// (as <c>geo matrix --mode transit</c> links it) and the fare model of fare_gbp.
/// </summary>
public sealed record TransitEngine(TransitNetwork Network, DateOnly Date, FareModel Fares)
{
    public static TransitEngine Load(StreetNetwork streets, IReadOnlyList<string> gtfs, DateOnly date, IssueLog issues, Action<string>? stage = null) =>
        new(TransitMatrixStage.Link(streets, gtfs, date, issues, stage), date, FareModel.Default);
}

namespace Geo.Samples;

/// <summary>What kind of place a settlement is; decides zone counts, ages, deprivation and car access.</summary>
internal enum SettlementKind
{
    Town,
    SmallTown,
    Village,
}

/// <summary>A fictional settlement: name, kind, centre and extent in local metres, and the road nodes inside it.</summary>
internal sealed record Settlement(string Name, SettlementKind Kind, double CentreX, double CentreY, double HalfWidthMetres, double HalfHeightMetres)
{
    public List<long> NodeIds { get; } = [];
}

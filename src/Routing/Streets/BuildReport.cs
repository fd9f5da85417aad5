namespace Geo.Routing.Streets;

/// <summary>What <see cref="StreetNetwork.BuildFromPbf"/> read, kept and dropped.</summary>
public sealed record BuildReport(
    int WaysRead,
    int RoutableWays,
    int Nodes,
    int MissingNodes,
    int DistinctTagSets,
    int TurnRestrictionsRead,
    int TurnRestrictionsApplied,
    int TurnRestrictionsSkipped,
    ModeBuildReport Car,
    ModeBuildReport Walk,
    ModeBuildReport Cycle,
    double BuildSeconds)
{
    public ModeBuildReport For(TravelMode mode) => mode switch
    {
        TravelMode.Car => Car,
        TravelMode.Walk => Walk,
        TravelMode.Cycle => Cycle,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };
}

namespace Geo.Samples;

/// <summary>What <see cref="SampleGenerator.Generate"/> wrote: counts per item and every file path (in write order).</summary>
public sealed record SampleSummary(
    int Seed,
    int Nodes,
    int Ways,
    int Relations,
    int Zones,
    int Population,
    int Sites,
    int CommunitySites,
    int CareHomes,
    int BusStops,
    int BusRoutes,
    int BusTrips,
    int FrequencyRows,
    IReadOnlyList<string> Files);

namespace Geo.Samples.National;

/// <summary>What <see cref="NationalGenerator"/> wrote.</summary>
public sealed record NationalSummary(int Zones, long Population, int Nodes, int Ways, int WayNodes, int Restrictions, int Towns,
    int Hospitals, int GpSites, int Stops, int Routes, long Trips, long StopTimes, IReadOnlyList<string> Files);

namespace Geo.Routing.Contraction;

/// <summary>Tuning of <see cref="ContractionBuilder"/>. The defaults suit road networks; results are exact whatever the values.</summary>
public sealed record ContractionOptions
{
    /// <summary>Vertices a witness search may settle when contracting (more = fewer needless shortcuts, slower build).</summary>
    public int WitnessSettleLimit { get; init; } = 500;

    /// <summary>Vertices a witness search may settle when only estimating a vertex's priority.</summary>
    public int SimulationSettleLimit { get; init; } = 100;

    /// <summary>
    /// After contracting a vertex, simulate each neighbour's contraction again (default). When false, only the cheap terms
    /// are updated and the lazy check at pop time refreshes the rest: about twice as fast to build on grids, but on the Isle
    /// of Wight car graph the 1,000 x 1,000 query was about twice as slow.
    /// </summary>
    public bool RecomputeNeighbours { get; init; } = true;

    /// <summary>Called now and then with (vertices contracted, total vertices).</summary>
    public Action<int, int>? Progress { get; init; }
}

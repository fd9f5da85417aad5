namespace Geo.Routing.Contraction;

/// <summary>Tuning of <see cref="ContractionBuilder"/>. The defaults suit road networks; results are exact whatever the values.</summary>
public sealed record ContractionOptions
{
    /// <summary>Vertices a witness search may settle when contracting (more = fewer needless shortcuts, slower build).</summary>
    public int WitnessSettleLimit { get; init; } = 500;

    /// <summary>Vertices a witness search may settle when only estimating a vertex's priority.</summary>
    public int SimulationSettleLimit { get; init; } = 100;

    /// <summary>
    /// After each round, simulate the contraction of the contracted vertices' neighbours again (default). When false, only
    /// their contracted-neighbour count is added: faster to build, slower to query.
    /// </summary>
    public bool RecomputeNeighbours { get; init; } = true;

    /// <summary>
    /// A vertex joins a round when its priority is the lowest within this many hops (1 or 2). 2 (default, as OSRM) keeps
    /// the set's neighbourhoods apart, so each vertex's priority was estimated on the graph it is contracted in.
    /// </summary>
    public int IndependentSetHops { get; init; } = 2;

    /// <summary>Threads used (default: all cores). The hierarchy is the same for any value.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Called after each round with (vertices contracted, total vertices).</summary>
    public Action<int, int>? Progress { get; init; }
}

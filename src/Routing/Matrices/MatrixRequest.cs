using Geo.Core;
using Geo.Routing.Streets;

namespace Geo.Routing.Matrices;

/// <summary>
/// A many-to-many request: for each source, the seeds that leave it (outbound snap seeds), and for each target the seeds
/// that reach it (inbound snap seeds). An empty seed list (an unsnapped point) gives an unreached row or column.
/// </summary>
public sealed record MatrixRequest
{
    public required IReadOnlyList<SnapSeed[]> Sources { get; init; }
    public required IReadOnlyList<SnapSeed[]> Targets { get; init; }

    /// <summary>Pairs slower than this are reported as unreached; default no limit.</summary>
    public int MaxDurationMs { get; init; } = TravelTime.Unreached;

    /// <summary>Worker threads; 0 = all cores. Results never depend on it.</summary>
    public int Threads { get; init; }

    /// <summary>Called with the number of sources just finished (from worker threads).</summary>
    public Action<int>? Progress { get; init; }

    /// <summary>Stops the computation between batches of sources (throws <see cref="OperationCanceledException"/>).</summary>
    public CancellationToken Cancellation { get; init; }

    public void Validate(int vertexCount)
    {
        ArgumentNullException.ThrowIfNull(Sources);
        ArgumentNullException.ThrowIfNull(Targets);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxDurationMs);
        ArgumentOutOfRangeException.ThrowIfNegative(Threads);
        if ((long)Sources.Count * Targets.Count > Array.MaxLength)
        {
            throw new ArgumentException($"{Sources.Count} x {Targets.Count} pairs is too many for one matrix; split the origins.");
        }
        CheckSeeds(Sources, vertexCount, nameof(Sources));
        CheckSeeds(Targets, vertexCount, nameof(Targets));
    }

    private static void CheckSeeds(IReadOnlyList<SnapSeed[]> points, int vertexCount, string name)
    {
        for (var i = 0; i < points.Count; i++)
        {
            var seeds = points[i] ?? throw new ArgumentException($"{name}[{i}] is null.", name);
            foreach (var seed in seeds)
            {
                if ((uint)seed.Vertex >= (uint)vertexCount || seed.DurationMs < 0 || seed.LengthMm < 0)
                {
                    throw new ArgumentException($"{name}[{i}] has an invalid seed {seed}.", name);
                }
            }
        }
    }

    internal ParallelOptions ParallelOptions() =>
        new() { MaxDegreeOfParallelism = Threads > 0 ? Threads : Environment.ProcessorCount, CancellationToken = Cancellation };
}

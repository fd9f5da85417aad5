namespace Geo.Routing.Multimodal;

/// <summary>
/// Parallel loop with exactly one worker state per core. Parallel.For's localInit runs again for each task replica
/// (replicas yield after a time slice and are replaced, and a loaded machine's pool adds threads), and a walk search
/// space of a national graph is ~100-250 MB: made per replica, they filled gigabytes while linking England's stops.
/// </summary>
internal static class PerCoreParallel
{
    /// <summary>
    /// Calls <paramref name="body"/>(i, state) for i in [0, count), items taken in order one at a time (so at the end no
    /// worker waits on another's chunk), one state per worker, handed to <paramref name="release"/> when the worker ends.
    /// </summary>
    public static void For<TState>(int count, Func<TState> createState, Action<int, TState> body, int? workers = null, Action<TState>? release = null)
    {
        ArgumentNullException.ThrowIfNull(createState);
        ArgumentNullException.ThrowIfNull(body);
        var n = Math.Max(1, Math.Min(workers ?? Environment.ProcessorCount, count));
        var next = -1;
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = n }, _ =>
        {
            var state = createState();
            try
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < count)
                {
                    body(i, state);
                }
            }
            finally
            {
                release?.Invoke(state);
            }
        });
    }
}

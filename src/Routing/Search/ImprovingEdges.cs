namespace Geo.Routing.Search;

/// <summary>
/// The first half of relaxing one vertex's edges: which of them would lower their target's label. In RAPTOR's footpaths
/// and egress walks about one edge in seven does, at random, so an <c>if</c> per edge is a branch the processor often
/// mispredicts; this pass has none (every position is written, and kept by counting it), and the caller then updates
/// only the edges found (benchmarks/README.md, "Public transport").
/// </summary>
internal static class ImprovingEdges
{
    /// <summary>A <c>found</c> buffer long enough for any row of the CSR lists with these <paramref name="offsets"/> (row r is [offsets[r], offsets[r + 1])).</summary>
    public static int[] BufferFor(int[] offsets)
    {
        var longest = 0;
        for (var r = 0; r + 1 < offsets.Length; r++)
        {
            longest = Math.Max(longest, offsets[r + 1] - offsets[r]);
        }
        return new int[longest];
    }

    /// <summary>
    /// Writes to <paramref name="found"/> the positions i (in order) where <paramref name="t"/> + durations[i] &lt;
    /// labels[targets[i]]; returns how many. <paramref name="found"/> must hold targets.Length ints.
    /// </summary>
    public static int Find(ReadOnlySpan<int> targets, ReadOnlySpan<int> durations, int t, int[] labels, Span<int> found)
    {
        var n = 0;
        for (var i = 0; i < targets.Length; i++)
        {
            found[n] = i;
            n += t + durations[i] < labels[targets[i]] ? 1 : 0;
        }
        return n;
    }
}

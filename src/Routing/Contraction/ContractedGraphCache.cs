using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Geo.Routing.Streets;

namespace Geo.Routing.Contraction;

/// <summary>
/// Finds or builds the contraction hierarchy of a mode graph. Hierarchies are kept in memory per graph instance and,
/// when a cache path is given, in a file beside the network (<c>region.geonet.car.off_peak.ch</c>) whose header holds a
/// hash of the network source, the mode, the band and the graph's edge durations and lengths (so speed overrides are
/// covered); a file whose hash differs is rebuilt. The file is in the shared artefact envelope: a damaged or foreign file
/// is refused before it is parsed, reported through the warning callback and rebuilt, never read.
/// </summary>
public static class ContractedGraphCache
{
    private static readonly ConditionalWeakTable<ModeGraph, Entry> Memory = new();

    private sealed record Entry(string Hash, ContractedGraph Graph);

    /// <summary>Cache file beside the network: <c>&lt;network&gt;.&lt;mode&gt;.&lt;band&gt;[.&lt;variant&gt;].ch</c>.</summary>
    public static string CachePath(string networkPath, string modeName, string bandName, string? variant = null)
    {
        ArgumentNullException.ThrowIfNull(networkPath);
        var name = networkPath + "." + modeName + "." + bandName;
        return (variant is null ? name : name + "." + variant) + ".ch";
    }

    /// <summary>Hex SHA-256 over a description (network source hash, mode, band) and the graph's arrays.</summary>
    public static string InputHash(ModeGraph graph, string description)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(description);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(description));
        sha.AppendData(BitConverter.GetBytes(ContractedGraph.FormatVersion));
        sha.AppendData(MemoryMarshal.AsBytes(graph.FirstEdge.AsSpan()));
        sha.AppendData(MemoryMarshal.AsBytes(graph.EdgeTarget.AsSpan()));
        sha.AppendData(MemoryMarshal.AsBytes(graph.EdgeDurationMs.AsSpan()));
        sha.AppendData(MemoryMarshal.AsBytes(graph.EdgeLengthMm.AsSpan()));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>
    /// Returns the hierarchy of <paramref name="graph"/>: from memory, else from <paramref name="cachePath"/> when its hash
    /// matches, else built (and saved to <paramref name="cachePath"/> when given; a cache that cannot be written is skipped).
    /// </summary>
    public static ContractedGraph GetOrBuild(ModeGraph graph, string inputHash, string? cachePath, ContractionOptions? options, out bool fromCache,
        Action<string>? warning = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(inputHash);
        if (Memory.TryGetValue(graph, out var cached) && cached.Hash == inputHash)
        {
            fromCache = true;
            return cached.Graph;
        }
        if (cachePath is not null)
        {
            if (ContractedGraph.TryLoad(cachePath, inputHash, out var loaded, out var problem) && loaded!.VertexCount == graph.VertexCount)
            {
                fromCache = true;
                Memory.AddOrUpdate(graph, new Entry(inputHash, loaded));
                return loaded;
            }
            if (problem is not null)
            {
                warning?.Invoke($"the cached hierarchy {cachePath} {problem}; rebuilding it");
            }
        }
        var built = ContractionBuilder.Build(graph, options);
        if (cachePath is not null)
        {
            try
            {
                built.Save(cachePath, inputHash);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The cache is an optimisation: a read-only folder must not fail the computation.
            }
        }
        Memory.AddOrUpdate(graph, new Entry(inputHash, built));
        fromCache = false;
        return built;
    }
}

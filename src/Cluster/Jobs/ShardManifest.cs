using System.Text.Json;
using Geo.Core;

namespace Geo.Cluster.Jobs;

/// <summary>
/// manifest.json in the job's output folder: the shards that are written and verified (row counts, SHA-256), and
/// nothing else, so a reader never picks up a half-written or unverified shard. Rewritten atomically after each change.
/// </summary>
public static class ShardManifest
{
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static void Write(MatrixJobSpec spec, IReadOnlyList<ShardRecord> shards, string state)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(shards);
        var done = shards.Where(s => s.State == ShardState.Done).OrderBy(s => s.Shard).Select(s => new ManifestShard(
            s.Shard, spec.ShardRelativePath(s.Shard).Replace('\\', '/'), s.OriginStart, s.OriginEnd, s.Rows, s.Bytes, s.Sha256!)).ToArray();
        var manifest = new Manifest(spec.JobId, spec.Mode, state, shards.Count, done.Length, done.Sum(s => s.Rows), done);
        AtomicFile.Write(Path.Combine(spec.OutputFolder, FileName), stream => JsonSerializer.Serialize(stream, manifest, Options));
    }

    public static Manifest? Read(string outputFolder)
    {
        var path = Path.Combine(outputFolder, FileName);
        if (!File.Exists(path))
        {
            return null;
        }
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<Manifest>(stream, Options);
    }

    public sealed record Manifest(string JobId, string Mode, string State, int ShardCount, int ShardsVerified, long Rows, ManifestShard[] Shards);

    public sealed record ManifestShard(int Shard, string File, int OriginStart, int OriginEnd, long Rows, long Bytes, string Sha256);
}

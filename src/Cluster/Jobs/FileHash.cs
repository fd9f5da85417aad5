using System.Security.Cryptography;

namespace Geo.Cluster.Jobs;

/// <summary>SHA-256 of a file as lower-case hex (the checksum in the manifest and geo_cluster_shard.sha256).</summary>
public static class FileHash
{
    public static string Sha256(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}

using System.Collections.Concurrent;

namespace Geo.Cluster.Jobs;

/// <summary>
/// Checks on this machine that each job input exists under the data folder and has the job's SHA-256. Hashes are
/// computed once per file (path, size, modification time) and reused for later shards.
/// </summary>
public sealed class InputCheck
{
    private readonly ConcurrentDictionary<(string Path, long Length, DateTime Modified), Lazy<string>> _hashes = new();

    public static string Resolve(string dataFolder, string path) => Path.GetFullPath(Path.Combine(dataFolder, path));

    public static InputFile[] Hash(string dataFolder, IEnumerable<string> paths) =>
        paths.Select(p => new InputFile(p, FileHash.Sha256(Resolve(dataFolder, p)))).ToArray();

    public void Check(MatrixJobSpec spec, string dataFolder, string silo)
    {
        ArgumentNullException.ThrowIfNull(spec);
        foreach (var input in spec.Inputs)
        {
            var path = Resolve(dataFolder, input.Path);
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new InputMismatchException($"silo {silo}: job input '{input.Path}' not found at {path} (--data {dataFolder})");
            }
            var hash = _hashes.GetOrAdd((path, info.Length, info.LastWriteTimeUtc), _ => new Lazy<string>(() => FileHash.Sha256(path))).Value;
            if (!string.Equals(hash, input.Sha256, StringComparison.Ordinal))
            {
                throw new InputMismatchException(
                    $"silo {silo}: '{input.Path}' at {path} has SHA-256 {hash[..12]}…, the job's is {input.Sha256[..12]}… (a different file: copy the job's inputs to every silo's --data folder)");
            }
        }
    }
}

namespace Geo.Cluster.Jobs;

/// <summary>
/// Computes the matrix rows of origins [start, end) of a job and writes them as one Parquet file (atomically), with the
/// same columns and values as <c>geo matrix</c>. Implemented over the matrix library by the command line (an adapter
/// that can be swapped); one instance per silo, so networks, hierarchies and timetables are loaded once per silo.
/// </summary>
public interface IMatrixShardComputer
{
    /// <summary>Number of origins the job's origin file holds (read with the job's id column).</summary>
    int CountOrigins(MatrixJobSpec spec, string dataFolder);

    /// <summary>Writes the shard to <paramref name="parquetPath"/>: rows written and the time of each step.</summary>
    ShardWrite WriteShard(MatrixJobSpec spec, string dataFolder, int originStart, int originEnd, string parquetPath);
}

/// <summary>What <see cref="IMatrixShardComputer.WriteShard"/> did: rows written; stage, route and write times.</summary>
public readonly record struct ShardWrite(long Rows, long StageMs, long RouteMs, long WriteMs);

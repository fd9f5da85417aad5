namespace Geo.Cluster.Jobs;

/// <summary>
/// Computes the matrix rows of origins [start, end) of a job and writes them as one Parquet file (atomically), with the
/// same columns and values as <c>geo matrix</c>. Implemented over the matrix library by the command line (an adapter
/// that can be swapped); one instance per silo, so networks, hierarchies and timetables are loaded once per silo.
/// Routing and writing are two steps so that a silo can write one shard while it routes the next.
/// </summary>
public interface IMatrixShardComputer
{
    /// <summary>Number of origins the job's origin file holds (read with the job's id column).</summary>
    int CountOrigins(MatrixJobSpec spec, string dataFolder);

    /// <summary>Routes origins [start, end) (the first shard of a job on this silo opens the job's stage); the rows stay in memory until written.</summary>
    IRoutedShard Route(MatrixJobSpec spec, string dataFolder, int originStart, int originEnd);
}

/// <summary>A routed shard's rows, waiting to be written.</summary>
public interface IRoutedShard
{
    long Rows { get; }

    /// <summary>Time spent waiting for the job's stage (opening it, if this shard was the job's first on this silo).</summary>
    long StageMs { get; }

    long RouteMs { get; }

    /// <summary>Writes the rows to <paramref name="parquetPath"/> (temp file + rename).</summary>
    void Write(string parquetPath);
}

namespace Geo.Cluster.Jobs;

/// <summary>
/// One cluster matrix job, as submitted: what to compute (the same options as <c>geo matrix</c>), how to split it into
/// origin shards and where to write them. Input paths are relative to each silo's <c>--data</c> folder (or absolute);
/// <see cref="Inputs"/> holds their SHA-256 as seen by the submitter, which every silo checks before computing.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MatrixJobSpec
{
    [Id(0)] public required string JobId { get; init; }
    /// <summary>car, walk, cycle or transit.</summary>
    [Id(1)] public required string Mode { get; init; }
    [Id(2)] public required string Network { get; init; }
    [Id(3)] public required string Origins { get; init; }
    [Id(4)] public required string Destinations { get; init; }
    [Id(5)] public string? OriginIdColumn { get; init; }
    [Id(6)] public string? DestinationIdColumn { get; init; }
    [Id(7)] public string[] Gtfs { get; init; } = [];
    [Id(8)] public string? Date { get; init; }
    [Id(9)] public string? Window { get; init; }
    [Id(10)] public string? ArriveBy { get; init; }
    [Id(11)] public string Percentiles { get; init; } = "25,50,75";
    [Id(12)] public int MaxRides { get; init; } = 4;
    [Id(13)] public double MaxWalkMinutes { get; init; } = 20;
    [Id(14)] public double MaxSnapMetres { get; init; } = 1000;
    [Id(15)] public double? MaxMinutes { get; init; }
    [Id(16)] public string TimeBand { get; init; } = "off_peak";
    /// <summary>Origins per shard (the last shard may hold fewer).</summary>
    [Id(17)] public int ShardOrigins { get; init; } = 500;
    /// <summary>Absolute output folder shared by all silos: mode=&lt;mode&gt;/part-NNNNN.parquet and manifest.json.</summary>
    [Id(18)] public required string OutputFolder { get; init; }
    /// <summary>Number of origins in <see cref="Origins"/> (read by the submitter).</summary>
    [Id(19)] public int OriginCount { get; init; }
    /// <summary>Every input file with its SHA-256 (network, origins, destinations, GTFS).</summary>
    [Id(20)] public InputFile[] Inputs { get; init; } = [];
    /// <summary>A shard lease not renewed for this long is given to another silo.</summary>
    [Id(21)] public int LeaseSeconds { get; init; } = 60;

    public int ShardCount => OriginCount == 0 ? 0 : ((OriginCount - 1) / ShardOrigins) + 1;

    /// <summary>The mode's partition folder name (mode=car, mode=transit), as read by DuckDB, Arrow and Spark.</summary>
    public string PartitionFolder => "mode=" + Mode;

    public string ShardRelativePath(int shard) => Path.Combine(PartitionFolder, ShardFileName(shard));

    public string ShardPath(int shard) => Path.Combine(OutputFolder, ShardRelativePath(shard));

    public static string ShardFileName(int shard) => $"part-{shard:D5}.parquet";

    public (int Start, int End) ShardOriginRange(int shard) =>
        (shard * ShardOrigins, Math.Min(OriginCount, (shard + 1) * ShardOrigins));
}

/// <summary>An input file of a job (path relative to the data folder) and its SHA-256 (lower-case hex).</summary>
[GenerateSerializer, Immutable]
public sealed record InputFile([property: Id(0)] string Path, [property: Id(1)] string Sha256);

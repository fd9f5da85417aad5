namespace Geo.Routing.Output;

/// <summary>Chooses the matrix sink for an output path: .csv or .parquet, long or wide form.</summary>
public static class MatrixFiles
{
    public static bool IsParquet(string path) => string.Equals(Path.GetExtension(path), ".parquet", StringComparison.OrdinalIgnoreCase);

    /// <summary>Checks the extension is .csv or .parquet; returns an error message or null.</summary>
    public static string? CheckExtension(string path)
    {
        var extension = Path.GetExtension(path).ToUpperInvariant();
        return extension is ".CSV" or ".PARQUET" ? null : $"output '{path}' must end in .csv or .parquet";
    }

    /// <summary>
    /// A sink writing <paramref name="path"/> atomically (nothing at the path until Complete); CSV rows are formatted on
    /// <paramref name="threads"/> threads (0 = all cores).
    /// </summary>
    public static IMatrixSink Create(string path, bool wide, int threads = 0) =>
        IsParquet(path) ? new MatrixParquetSink(path, wide) : new MatrixCsvSink(path, wide, threads);

    /// <summary>True when the format must hold the whole table before writing (wide Parquet).</summary>
    public static bool HoldsWholeTable(string path, bool wide) => wide && IsParquet(path);
}

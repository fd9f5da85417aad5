namespace Geo.Routing.Output;

/// <summary>
/// Writes a whole in-memory <see cref="MatrixTable"/> as CSV or Parquet (by extension), long or wide, atomically, through
/// the same sinks that stream batches (<see cref="MatrixCsvSink"/>, <see cref="MatrixParquetSink"/>).
/// </summary>
public static class MatrixFileWriter
{
    public static void Write(string path, MatrixTable table, bool wide)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var sink = MatrixFiles.Create(path, wide);
        WriteTo(sink, table);
    }

    public static void WriteLongCsv(Stream stream, MatrixTable table) => WriteTo(new MatrixCsvSink(stream, wide: false), table);

    public static void WriteWideCsv(Stream stream, MatrixTable table) => WriteTo(new MatrixCsvSink(stream, wide: true), table);

    private static void WriteTo(IMatrixSink sink, MatrixTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        sink.Begin(table.Layout());
        sink.Write(table.ToBatch());
        sink.Complete();
    }
}

namespace Geo.Routing.Output;

/// <summary>The long-form column names and the CSV field quoting shared by the matrix writers.</summary>
public static class MatrixCsv
{
    public static readonly string[] LongColumns = ["origin_id", "destination_id", "minutes", "km", "origin_snap_m", "destination_snap_m", "status"];

    /// <summary>Quotes a field holding a comma, quote or line break (RFC 4180).</summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}

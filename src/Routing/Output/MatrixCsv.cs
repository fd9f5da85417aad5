namespace Geo.Routing.Output;

/// <summary>The long-form column names shared by the matrix writers (fields are quoted by <see cref="Geo.Core.CsvText"/>).</summary>
public static class MatrixCsv
{
    public static readonly string[] LongColumns = ["origin_id", "destination_id", "minutes", "km", "origin_snap_m", "destination_snap_m", "status"];
}

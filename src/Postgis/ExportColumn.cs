namespace Geo.Postgis;

/// <summary>An attribute column of an exported table: its PostgreSQL name (<see cref="ColumnNames"/>) and type.</summary>
public sealed record ExportColumn(string Name, ColumnType Type)
{
    /// <summary>The column's SQL type.</summary>
    public string SqlType => Type switch
    {
        ColumnType.Bigint => "bigint",
        ColumnType.Double => "double precision",
        _ => "text",
    };
}

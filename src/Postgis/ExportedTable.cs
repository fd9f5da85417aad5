namespace Geo.Postgis;

/// <summary>One table written by an export: its name, the results file it came from and how many rows it holds.</summary>
public sealed record ExportedTable(string Table, string Source, long Rows, string? GeometryType, long InvalidGeometries);

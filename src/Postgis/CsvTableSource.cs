using Geo.Core;
using Npgsql;

namespace Geo.Postgis;

/// <summary>A CSV of the results folder (zone_results.csv, matrices/car.csv ...), streamed twice: types first, then the rows.</summary>
public sealed class CsvTableSource(string table, string path, IReadOnlyList<string> key) : TableSource(table, path, key)
{
    private ExportColumn[] _columns = [];

    public override IReadOnlyList<ExportColumn> Columns => _columns;

    public override string? GeometryType => null;

    public override void Prepare()
    {
        string[]? header = null;
        var guesses = Array.Empty<ColumnGuess>();
        CsvTable.Stream(SourcePath, (line, fields) =>
        {
            if (header is null)
            {
                header = [.. fields.Select(f => f.Trim())];
                guesses = [.. header.Select(h => new ColumnGuess(h))];
                return;
            }
            if (fields.Count != header.Length)
            {
                throw new InputFileException(SourcePath, line, null, $"has {fields.Count} fields but the header has {header.Length}");
            }
            for (var c = 0; c < fields.Count; c++)
            {
                guesses[c].Add(fields[c].Trim());
            }
        });
        if (header is null)
        {
            throw new InputFileException(SourcePath, null, null, "the file is empty (a header row is required)");
        }
        foreach (var k in Key)
        {
            CsvTable.Require(SourcePath, header, k, "key");
        }
        var names = ColumnNames.FromHeader(header);
        _columns = [.. names.Select((n, i) => new ExportColumn(n, guesses[i].Type))];
    }

    public override long Copy(NpgsqlBinaryImporter importer)
    {
        ArgumentNullException.ThrowIfNull(importer);
        long rows = 0;
        var first = true;
        CsvTable.Stream(SourcePath, (line, fields) =>
        {
            if (first)
            {
                first = false;
                return;
            }
            if (fields.Count != _columns.Length)
            {
                throw new InputFileException(SourcePath, line, null, $"has {fields.Count} fields but the header has {_columns.Length} (the file changed during the export)");
            }
            importer.StartRow();
            for (var c = 0; c < fields.Count; c++)
            {
                ValueWriter.Write(importer, _columns[c].Type, fields[c].Trim());
            }
            rows++;
        });
        return rows;
    }
}

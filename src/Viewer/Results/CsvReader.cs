using System.Globalization;
using Geo.Core;

namespace Geo.Viewer.Results;

/// <summary>Reads the comma-separated results CSVs with <see cref="CsvTable"/>, reporting problems as <see cref="FormatException"/>.</summary>
internal static class CsvReader
{
    /// <summary>Reads all non-blank records; each record carries its 1-based physical line number.</summary>
    public static List<(int Line, string[] Fields)> ReadAll(TextReader reader)
    {
        var records = new List<(int, string[])>();
        try
        {
            CsvTable.Stream(reader, ',', "results CSV", (line, fields) => records.Add((line, fields.ToArray())));
        }
        catch (InputFileException ex)
        {
            var line = (ex.Line ?? 1).ToString(CultureInfo.InvariantCulture);
            throw new FormatException("line " + line + ": unterminated quoted field", ex);
        }

        return records;
    }
}

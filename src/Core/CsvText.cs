namespace Geo.Core;

/// <summary>The one CSV field escaping of Geo (RFC 4180, what Excel reads back): a field with a comma, quote or line break
/// is quoted and its quotes doubled; any other field is written as is.</summary>
public static class CsvText
{
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}

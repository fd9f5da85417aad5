using System.Globalization;
using System.IO.Compression;
using Geo.Core;

namespace Geo.Catchment.Reports.Methods;

/// <summary>
/// What a GTFS feed says about itself: feed_info (publisher, version, start and end dates), else the calendar's date range;
/// the agencies; and any licence or attribution it gives (feed_info feed_license/license columns, attributions.txt).
/// </summary>
public static class GtfsFeedDescription
{
    public static DataSource Describe(string path, string role)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            return new DataSource(role, path, null, null, "file not found");
        }
        var info = Table(path, "feed_info.txt");
        var agencies = Table(path, "agency.txt");
        var attributions = Table(path, "attributions.txt");
        string? version = null, licence = null;
        var details = new List<string>();
        if (info is { Count: > 0 })
        {
            var publisher = Cell(info, "feed_publisher_name");
            var feedVersion = Cell(info, "feed_version");
            var start = GtfsDate(Cell(info, "feed_start_date"));
            var end = GtfsDate(Cell(info, "feed_end_date"));
            version = string.Join("; ", new[] { feedVersion is null ? null : "version " + feedVersion, start is null && end is null ? null : $"valid {start ?? "?"} to {end ?? "?"}" }.Where(s => s is not null));
            if (publisher is not null)
            {
                details.Add("published by " + publisher);
            }
            licence = Cell(info, "feed_license") ?? Cell(info, "license");
        }
        if (string.IsNullOrEmpty(version))
        {
            var (first, last) = CalendarRange(path);
            version = first is null ? "no feed_info and no calendar dates" : $"calendar {first} to {last} (no feed_info.txt)";
        }
        if (agencies is { Count: > 0 })
        {
            var names = new List<string>();
            var c = agencies.Find("agency_name");
            for (var r = 0; r < agencies.Count && c >= 0; r++)
            {
                names.Add(agencies.Cell(r, c));
            }
            details.Add("operators: " + string.Join(", ", names.Distinct(StringComparer.Ordinal)));
        }
        if (attributions is { Count: > 0 })
        {
            var c = attributions.Find("organization_name");
            var names = new List<string>();
            for (var r = 0; r < attributions.Count && c >= 0; r++)
            {
                names.Add(attributions.Cell(r, c));
            }
            details.Add("attributions: " + string.Join(", ", names));
        }
        return new DataSource(role, path, version, licence ?? "not stated in the feed: check the publisher's terms", string.Join("; ", details));
    }

    private static (string? First, string? Last) CalendarRange(string path)
    {
        string? first = null, last = null;
        void Consider(string? date)
        {
            if (GtfsDate(date) is { } d)
            {
                first = first is null || string.CompareOrdinal(d, first) < 0 ? d : first;
                last = last is null || string.CompareOrdinal(d, last) > 0 ? d : last;
            }
        }
        if (Table(path, "calendar.txt") is { } calendar)
        {
            int s = calendar.Find("start_date"), e = calendar.Find("end_date");
            for (var r = 0; r < calendar.Count; r++)
            {
                Consider(s >= 0 ? calendar.Cell(r, s) : null);
                Consider(e >= 0 ? calendar.Cell(r, e) : null);
            }
        }
        return (first, last);
    }

    private static string? GtfsDate(string? text) =>
        text is not null && DateOnly.TryParseExact(text.Trim(), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;

    private static string? Cell(CsvTable table, string column)
    {
        var c = table.Find(column);
        if (c < 0 || table.Count == 0)
        {
            return null;
        }
        var v = table.Cell(0, c).Trim();
        return v.Length == 0 ? null : v;
    }

    /// <summary>A small member of the feed (zip or folder) as a table, or null when absent or unreadable.</summary>
    private static CsvTable? Table(string path, string name)
    {
        try
        {
            string? text = null;
            if (Directory.Exists(path))
            {
                var file = Path.Combine(path, name);
                text = File.Exists(file) ? File.ReadAllText(file) : null;
            }
            else
            {
                using var zip = ZipFile.OpenRead(path);
                var entry = zip.Entries.FirstOrDefault(e => string.Equals(Path.GetFileName(e.FullName), name, StringComparison.OrdinalIgnoreCase));
                if (entry is not null && entry.Length < 16 * 1024 * 1024)
                {
                    using var reader = new StreamReader(entry.Open());
                    text = reader.ReadToEnd();
                }
            }
            if (text is null)
            {
                return null;
            }
            string[]? header = null;
            var rows = new List<string[]>();
            var lines = new List<int>();
            CsvTable.Stream(new StringReader(text.TrimStart('\uFEFF')), ',', path + "/" + name, (line, fields) =>
            {
                if (header is null)
                {
                    header = [.. fields.Select(f => f.Trim())];
                    return;
                }
                rows.Add([.. fields]);
                lines.Add(line);
            });
            return header is null ? null : CsvTable.FromRows(path + "/" + name, header, rows, lines);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or InputFileException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

using System.Globalization;

namespace Geo.Viewer.Results;

/// <summary>zone_results.csv grouped by (option, mode, service).</summary>
public sealed class ZoneResultTable
{
    private readonly Dictionary<(string Option, string Mode, string Service), ScoreSet> _sets;

    private ZoneResultTable(Dictionary<(string, string, string), ScoreSet> sets, List<string> options, List<string> modes, List<string> services)
    {
        _sets = sets;
        Options = options;
        Modes = modes;
        Services = services;
    }

    /// <summary>Option ids in first-seen order.</summary>
    public IReadOnlyList<string> Options { get; }
    public IReadOnlyList<string> Modes { get; }
    public IReadOnlyList<string> Services { get; }

    public bool TryGet(string option, string mode, string service, out ScoreSet set) =>
        _sets.TryGetValue((option, mode, service), out set!);

    /// <summary>Parses zone_results.csv; throws <see cref="FormatException"/> naming line and field on bad data.</summary>
    public static ZoneResultTable Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var records = CsvReader.ReadAll(reader);
        if (records.Count == 0)
        {
            throw new FormatException("file is empty (expected a header row with option_id, mode, service, zone_id, minutes)");
        }

        string[] header = records[0].Fields;
        int Col(string name, bool required)
        {
            int i = Array.FindIndex(header, h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
            if (i < 0 && required)
            {
                throw new FormatException("line 1: missing column '" + name + "'");
            }

            return i;
        }

        int cOption = Col("option_id", true), cMode = Col("mode", true), cService = Col("service", true);
        int cZone = Col("zone_id", true), cMinutes = Col("minutes", true);
        int cChange = Col("change_minutes", false), cSite = Col("site_id", false), cStatus = Col("status", false);

        var builders = new Dictionary<(string, string, string), Builder>();
        var options = new List<string>();
        var modes = new List<string>();
        var services = new List<string>();
        for (int r = 1; r < records.Count; r++)
        {
            var (line, f) = records[r];
            if (f.Length == 1 && f[0].Length == 0)
            {
                continue;
            }

            if (f.Length < header.Length)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"line {line}: {f.Length} fields, header has {header.Length}"));
            }

            string option = f[cOption], mode = f[cMode], service = f[cService], zone = f[cZone];
            if (option.Length == 0 || mode.Length == 0 || zone.Length == 0)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"line {line}: option_id, mode and zone_id must not be empty"));
            }

            AddDistinct(options, option);
            AddDistinct(modes, mode);
            AddDistinct(services, service);
            var key = (option, mode, service);
            if (!builders.TryGetValue(key, out var b))
            {
                b = new Builder();
                builders.Add(key, b);
            }

            b.Zones.Add(zone);
            b.Minutes.Add(Number(f[cMinutes], line, "minutes"));
            b.Change.Add(cChange >= 0 ? Number(f[cChange], line, "change_minutes") : double.NaN);
            string site = cSite >= 0 ? f[cSite] : string.Empty;
            b.Sites.Add(site.Length == 0 ? null : site);
            b.Status.Add(cStatus >= 0 && f[cStatus].Length > 0 ? f[cStatus] : "ok");
        }

        var sets = new Dictionary<(string, string, string), ScoreSet>(builders.Count);
        foreach (var (key, b) in builders)
        {
            sets.Add(key, new ScoreSet(key.Item1, key.Item2, key.Item3, [.. b.Zones], [.. b.Minutes], [.. b.Change], [.. b.Sites], [.. b.Status]));
        }

        return new ZoneResultTable(sets, options, modes, services);
    }

    private static void AddDistinct(List<string> list, string value)
    {
        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }

    private static double Number(string text, int line, string field)
    {
        if (text.Length == 0)
        {
            return double.NaN;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || double.IsInfinity(v))
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"line {line}, field {field}: '{text}' is not a number"));
        }

        return v;
    }

    private sealed class Builder
    {
        public List<string> Zones { get; } = [];
        public List<double> Minutes { get; } = [];
        public List<double> Change { get; } = [];
        public List<string?> Sites { get; } = [];
        public List<string> Status { get; } = [];
    }
}

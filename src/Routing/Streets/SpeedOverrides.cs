using System.Globalization;
using Geo.Core;
using Geo.Routing.Profiles;

namespace Geo.Routing.Streets;

/// <summary>
/// Car speeds by time band that replace the profile speeds (realism and band factors included) for single OSM ways
/// or whole highway classes, e.g. observed speeds from a traffic survey. A way-id row wins over a highway=class row.
/// CSV columns: <c>key</c> (an OSM way id such as <c>123456</c>, or <c>highway=primary</c>) and any of
/// <c>am_peak, inter_peak, pm_peak, off_peak</c> in km/h (an empty cell keeps the profile speed); an optional
/// <c>note</c> column is ignored.
/// </summary>
public sealed class SpeedOverrides
{
    private const double MaxKmh = 250;
    private static readonly int BandCount = TimeBands.All.Count;

    private readonly Dictionary<long, double[]> _byWay;
    private readonly double[] _byClass; // [class * bands + band], NaN = none

    private SpeedOverrides(Dictionary<long, double[]> byWay, double[] byClass)
    {
        _byWay = byWay;
        _byClass = byClass;
    }

    /// <summary>Number of rows (ways plus classes).</summary>
    public int Count { get; private init; }

    /// <summary>The override speed for a way in a band, looking first at the way id and then at its highway class.</summary>
    public bool TryGetKmh(long wayId, HighwayClass highway, TimeBand band, out double kmh)
    {
        if (_byWay.TryGetValue(wayId, out var speeds) && !double.IsNaN(speeds[(int)band]))
        {
            kmh = speeds[(int)band];
            return true;
        }
        kmh = _byClass[((int)highway * BandCount) + (int)band];
        return !double.IsNaN(kmh);
    }

    /// <summary>Reads an overrides CSV (UTF-8, comma-separated, header row).</summary>
    /// <exception cref="InputFileException">Missing file, bad header, bad key or speed (naming file, line and field).</exception>
    public static SpeedOverrides Load(string csvPath)
    {
        ArgumentNullException.ThrowIfNull(csvPath);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(csvPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException(csvPath, null, null, "cannot read the speed overrides file: " + ex.Message);
        }
        if (lines.Length == 0 || string.IsNullOrWhiteSpace(lines[0]))
        {
            throw new InputFileException(csvPath, 1, null, "missing header row: expected key,am_peak,inter_peak,pm_peak,off_peak");
        }
        var header = SplitCsvLine(lines[0].TrimStart('\uFEFF'));
        var keyColumn = -1;
        var bandColumn = new int[BandCount];
        Array.Fill(bandColumn, -1);
        for (var c = 0; c < header.Count; c++)
        {
            var name = header[c].Trim().ToLowerInvariant();
            if (name == "key")
            {
                keyColumn = c;
            }
            else if (TimeBands.TryParse(name, out var band))
            {
                bandColumn[(int)band] = c;
            }
            else if (name is not ("note" or "notes" or "comment" or "description"))
            {
                throw new InputFileException(csvPath, 1, header[c], "unknown column; expected key, am_peak, inter_peak, pm_peak, off_peak (and optionally note)");
            }
        }
        if (keyColumn < 0)
        {
            throw new InputFileException(csvPath, 1, "key", "missing column 'key' (an OSM way id or highway=<class>)");
        }
        if (Array.TrueForAll(bandColumn, c => c < 0))
        {
            throw new InputFileException(csvPath, 1, null, "no speed columns: expected at least one of " + TimeBands.ValidNames);
        }

        var byWay = new Dictionary<long, double[]>();
        var byClass = new double[HighwayClasses.Count * BandCount];
        Array.Fill(byClass, double.NaN);
        var seenClass = new bool[HighwayClasses.Count];
        var rows = 0;
        for (var i = 1; i < lines.Length; i++)
        {
            var lineNumber = i + 1;
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }
            var cells = SplitCsvLine(lines[i]);
            string Cell(int column) => column < cells.Count ? cells[column].Trim() : "";
            var key = Cell(keyColumn);
            var speeds = new double[BandCount];
            foreach (var band in TimeBands.All)
            {
                speeds[(int)band] = double.NaN;
                var column = bandColumn[(int)band];
                if (column < 0 || Cell(column).Length == 0)
                {
                    continue;
                }
                if (!double.TryParse(Cell(column), NumberStyles.Float, CultureInfo.InvariantCulture, out var kmh) || !(kmh > 0) || kmh > MaxKmh)
                {
                    throw new InputFileException(csvPath, lineNumber, band.ToName(),
                        $"'{Cell(column)}' is not a speed in km/h (a number above 0 and at most {MaxKmh.ToString(CultureInfo.InvariantCulture)}, or empty for no override)");
                }
                speeds[(int)band] = kmh;
            }
            if (key.StartsWith("highway=", StringComparison.OrdinalIgnoreCase))
            {
                var className = key["highway=".Length..].Trim();
                if (!HighwayClasses.TryParse(className, out var highway))
                {
                    throw new InputFileException(csvPath, lineNumber, "key", $"unknown highway class '{className}'; valid: {string.Join(", ", HighwayClasses.AllNames)}");
                }
                if (seenClass[(int)highway])
                {
                    throw new InputFileException(csvPath, lineNumber, "key", $"duplicate key '{key}'");
                }
                seenClass[(int)highway] = true;
                speeds.CopyTo(byClass, (int)highway * BandCount);
            }
            else if (long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var wayId) && wayId > 0)
            {
                if (!byWay.TryAdd(wayId, speeds))
                {
                    throw new InputFileException(csvPath, lineNumber, "key", $"duplicate key '{key}'");
                }
            }
            else
            {
                throw new InputFileException(csvPath, lineNumber, "key", $"'{key}' is neither an OSM way id (e.g. 123456) nor highway=<class> (e.g. highway=primary)");
            }
            rows++;
        }
        return new SpeedOverrides(byWay, byClass) { Count = rows };
    }

    /// <summary>Splits one CSV line, honouring double quotes ("" inside quotes is a quote).</summary>
    internal static List<string> SplitCsvLine(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < line.Length && line[i + 1] == '"')
                    {
                        cell.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }
        cells.Add(cell.ToString());
        return cells;
    }
}

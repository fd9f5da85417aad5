using System.Globalization;

namespace Geo.RoutingServer.Osrm;

/// <summary>
/// Reads a request's options for one service: each read marks the option as known; <see cref="RejectUnknown"/> then
/// refuses anything else, so a misspelt option is an error rather than silently ignored. The general options every
/// service takes (radiuses, generate_hints, hints, bearings, approaches, exclude, snapping, skip_waypoints) are read here.
/// </summary>
public sealed class OptionReader
{
    private readonly OsrmRequest _request;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public OptionReader(OsrmRequest request, double defaultRadiusMetres)
    {
        ArgumentNullException.ThrowIfNull(request);
        _request = request;
        var count = request.Coordinates.Length;
        RadiiMetres = Radii(count, defaultRadiusMetres);
        GenerateHints = Boolean("generate_hints", true);
        SkipWaypoints = Boolean("skip_waypoints", false);
        // Hints only speed up OSRM's own snapping; this server snaps every coordinate afresh, so they are checked and not used.
        PerCoordinate("hints", count, _ => true, "base64 hints");
        PerCoordinate("bearings", count, string.IsNullOrEmpty, "bearings are not supported by this server; leave them out");
        PerCoordinate("approaches", count, a => a is "" or "unrestricted", "only approaches=unrestricted is supported (curb needs driving-side data this network does not keep)");
        var exclude = Text("exclude");
        if (!string.IsNullOrEmpty(exclude))
        {
            throw new OsrmError(OsrmError.NotImplemented, "exclude is not supported: this network has no road classes to exclude.");
        }
        var snapping = Text("snapping");
        if (snapping is not (null or "default" or "any"))
        {
            throw new OsrmError(OsrmError.InvalidQuery, $"snapping must be default or any, got '{snapping}'.");
        }
    }

    /// <summary>Per coordinate, how far (metres) it may be from a routable street.</summary>
    public double[] RadiiMetres { get; }

    public bool GenerateHints { get; }

    public bool SkipWaypoints { get; }

    public string? Text(string name)
    {
        _read.Add(name);
        return _request.Option(name);
    }

    public bool Boolean(string name, bool fallback) => Text(name) switch
    {
        null => fallback,
        "true" => true,
        "false" => false,
        var other => throw new OsrmError(OsrmError.InvalidQuery, $"{name} must be true or false, got '{other}'."),
    };

    public double? Number(string name)
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new OsrmError(OsrmError.InvalidQuery, $"{name} must be a number, got '{text}'.");
    }

    /// <summary>"all" (or absent) = every coordinate; else ;-separated indices below the coordinate count.</summary>
    public int[] Indices(string name)
    {
        var text = Text(name);
        var count = _request.Coordinates.Length;
        if (text is null or "all")
        {
            return Enumerable.Range(0, count).ToArray();
        }
        var items = text.Split(';');
        var result = new int[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            if (!int.TryParse(items[i], NumberStyles.None, CultureInfo.InvariantCulture, out result[i]))
            {
                throw new OsrmError(OsrmError.InvalidQuery, $"{name} must be 'all' or indices like 0;1;2, got '{items[i]}'.");
            }
            if (result[i] >= count)
            {
                throw OsrmError.Options($"{name} index {result[i]} is out of range: there are {count} coordinates (indices from 0).");
            }
        }
        return result;
    }

    /// <summary>Refuses options no reader asked for.</summary>
    public void RejectUnknown()
    {
        foreach (var name in _request.Options.Keys)
        {
            if (!_read.Contains(name))
            {
                throw new OsrmError(OsrmError.InvalidQuery, $"Unknown option '{name}' for the {_request.Service} service.");
            }
        }
    }

    private double[] Radii(int count, double fallback)
    {
        var radii = new double[count];
        Array.Fill(radii, fallback);
        var text = Text("radiuses");
        if (text is null)
        {
            return radii;
        }
        var items = text.Split(';');
        if (items.Length != count)
        {
            throw OsrmError.Options($"radiuses has {items.Length} values for {count} coordinates; give one per coordinate (empty = default).");
        }
        for (var i = 0; i < count; i++)
        {
            if (items[i].Length == 0)
            {
                continue;
            }
            radii[i] = items[i] == "unlimited" ? double.MaxValue
                : double.TryParse(items[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r >= 0 && double.IsFinite(r) ? r
                : throw new OsrmError(OsrmError.InvalidQuery, $"radiuses[{i}] must be a distance in metres or 'unlimited', got '{items[i]}'.");
        }
        return radii;
    }

    private void PerCoordinate(string name, int count, Func<string, bool> allowed, string refusal)
    {
        var text = Text(name);
        if (text is null)
        {
            return;
        }
        var items = text.Split(';');
        if (items.Length != count)
        {
            throw OsrmError.Options($"{name} has {items.Length} values for {count} coordinates; give one per coordinate.");
        }
        if (!items.All(allowed))
        {
            throw new OsrmError(OsrmError.NotImplemented, refusal + ".");
        }
    }
}

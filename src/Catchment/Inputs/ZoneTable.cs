using Geo.Core;

using Geo.Routing.Geometry;
using NetTopologySuite.Geometries;

namespace Geo.Catchment.Inputs;

/// <summary>
/// Zones as parallel columns (index = zone): code, name, point, population, 65+, IMD decile/rank, ward, local authority,
/// optional boundary polygons, and extra numeric or categorical columns by name. Build with <see cref="ZoneLoader"/> or the constructor.
/// </summary>
public sealed class ZoneTable
{
    private readonly Dictionary<string, int> _indexByCode;
    private readonly Dictionary<string, double[]> _numeric;
    private readonly Dictionary<string, string[]> _categories;

    public ZoneTable(
        string[] codes,
        string[] names,
        GeoPoint[] points,
        double[] population,
        double[]? age65Plus = null,
        int[]? imdDecile = null,
        int[]? imdRank = null,
        string?[]? ward = null,
        string?[]? localAuthority = null,
        IReadOnlyDictionary<string, double[]>? numeric = null,
        IReadOnlyDictionary<string, string[]>? categories = null,
        Geometry?[]? boundaries = null,
        string?[]? wardCode = null,
        string?[]? localAuthorityCode = null)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(population);
        var n = codes.Length;
        if (names.Length != n || points.Length != n || population.Length != n)
        {
            throw new ArgumentException("every zone column must have one value per zone");
        }
        Codes = codes;
        Names = names;
        Points = points;
        Population = population;
        Age65Plus = age65Plus ?? Filled(n, double.NaN);
        ImdDecile = imdDecile ?? new int[n];
        ImdRank = imdRank ?? new int[n];
        Ward = ward ?? new string?[n];
        LocalAuthority = localAuthority ?? new string?[n];
        Boundaries = boundaries ?? new Geometry?[n];
        WardCode = wardCode ?? new string?[n];
        LocalAuthorityCode = localAuthorityCode ?? new string?[n];
        if (WardCode.Length != n || LocalAuthorityCode.Length != n || Age65Plus.Length != n || ImdDecile.Length != n || ImdRank.Length != n || Ward.Length != n || LocalAuthority.Length != n || Boundaries.Length != n)
        {
            throw new ArgumentException("every zone column must have one value per zone");
        }
        _numeric = new Dictionary<string, double[]>(StringComparer.OrdinalIgnoreCase);
        _categories = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        var numericNames = new List<string>();
        var categoryNames = new List<string>();
        if (numeric is not null)
        {
            foreach (var (name, values) in numeric)
            {
                if (values.Length != n)
                {
                    throw new ArgumentException($"column '{name}' must have one value per zone");
                }
                _numeric[name] = values;
                numericNames.Add(name);
            }
        }
        if (categories is not null)
        {
            foreach (var (name, values) in categories)
            {
                if (values.Length != n)
                {
                    throw new ArgumentException($"column '{name}' must have one value per zone");
                }
                _categories[name] = values;
                categoryNames.Add(name);
            }
        }
        NumericColumns = numericNames;
        CategoryColumns = categoryNames;
        _indexByCode = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            if (!_indexByCode.TryAdd(codes[i], i))
            {
                throw new ArgumentException($"zone code '{codes[i]}' appears twice");
            }
        }
    }

    public int Count => Codes.Length;
    public string[] Codes { get; }
    public string[] Names { get; }
    public GeoPoint[] Points { get; }
    /// <summary>Usual residents (or the population column given).</summary>
    public double[] Population { get; }
    /// <summary>Residents aged 65 and over; NaN where unknown.</summary>
    public double[] Age65Plus { get; }
    /// <summary>IMD decile 1..10 (1 = most deprived); 0 = unknown.</summary>
    public int[] ImdDecile { get; }
    /// <summary>IMD rank (1 = most deprived); 0 = unknown.</summary>
    public int[] ImdRank { get; }
    /// <summary>Ward name (shown); equality groups wards by <see cref="WardCode"/> when known.</summary>
    public string?[] Ward { get; }
    /// <summary>Local authority name (shown); equality groups by <see cref="LocalAuthorityCode"/> when known.</summary>
    public string?[] LocalAuthority { get; }
    /// <summary>Ward code (e.g. E05013374), null where unknown.</summary>
    public string?[] WardCode { get; }
    /// <summary>Local authority code (e.g. E06000046), null where unknown.</summary>
    public string?[] LocalAuthorityCode { get; }
    /// <summary>Zone polygons (WGS84) where given, else null.</summary>
    public Geometry?[] Boundaries { get; }
    public IReadOnlyList<string> NumericColumns { get; }
    /// <summary>Census breakdowns (counts per group per zone) for the equality tables; empty when the scenario gives none.</summary>
    public IReadOnlyList<CensusBreakdown> Census { get; init; } = [];
    public IReadOnlyList<string> CategoryColumns { get; }

    /// <summary>True when any zone has a ward code (worked out once: writers ask per zone).</summary>
    public bool HasWardCodes => _hasWardCodes ??= Array.Exists(WardCode, c => c is not null);

    /// <summary>True when any zone has a local authority code (worked out once).</summary>
    public bool HasLocalAuthorityCodes => _hasLocalAuthorityCodes ??= Array.Exists(LocalAuthorityCode, c => c is not null);

    private bool? _hasWardCodes;
    private bool? _hasLocalAuthorityCodes;

    public bool HasAge65Plus => Array.Exists(Age65Plus, v => !double.IsNaN(v));
    public bool HasImd => Array.Exists(ImdDecile, v => v > 0);

    /// <summary>IMD quintile 1..5 = (decile + 1) / 2; 0 = unknown.</summary>
    public int ImdQuintile(int zone) => Imd.Quintile(ImdDecile[zone]);

    public Zone this[int zone] => new(
        Codes[zone], Names[zone], Points[zone], Population[zone], Age65Plus[zone],
        ImdDecile[zone] > 0 ? ImdDecile[zone] : null, ImdRank[zone] > 0 ? ImdRank[zone] : null,
        Ward[zone], LocalAuthority[zone]);

    /// <summary>Index of a zone code, or -1.</summary>
    public int IndexOf(string code) => _indexByCode.TryGetValue(code, out var i) ? i : -1;

    public bool TryIndexOf(string code, out int zone) => _indexByCode.TryGetValue(code, out zone);

    /// <summary>An extra numeric column (NaN where empty); throws <see cref="KeyNotFoundException"/> naming the known columns.</summary>
    public double[] Numeric(string column) => _numeric.TryGetValue(column, out var values)
        ? values
        : throw new KeyNotFoundException($"zone column '{column}' is not numeric or not loaded; numeric columns: {string.Join(", ", NumericColumns)}");

    /// <summary>An extra categorical column (empty string where empty).</summary>
    public string[] Category(string column) => _categories.TryGetValue(column, out var values)
        ? values
        : throw new KeyNotFoundException($"zone column '{column}' is not categorical or not loaded; categorical columns: {string.Join(", ", CategoryColumns)}");

    public bool HasNumeric(string column) => _numeric.ContainsKey(column);
    public bool HasCategory(string column) => _categories.ContainsKey(column);

    private static double[] Filled(int n, double value)
    {
        var a = new double[n];
        Array.Fill(a, value);
        return a;
    }
}

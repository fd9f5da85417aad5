using System.Globalization;
using Geo.Catchment.Scenarios;
using Geo.Core;
using Geo.Routing.Geometry;
using NetTopologySuite.Geometries;

namespace Geo.Catchment.Inputs;

/// <summary>
/// Builds a <see cref="ZoneTable"/> from a scenario's <see cref="ZoneSpec"/>: the zone file (ids, coordinates, attributes),
/// joins keyed by zone id, a long census age table (population and 65+) and optional boundaries. Every problem is an
/// <see cref="InputFileException"/> naming file, line and field; nothing is half-loaded.
/// </summary>
public static class ZoneLoader
{
    private static readonly string[] IdNames = ["zone_id", "id", "code", "LSOA21CD", "lsoa21_code", "LSOA 2021 Code", "LSOA code (2021)", "LSOA11CD", "lsoa11_code"];
    private static readonly string[] NameNames = ["zone_name", "name", "LSOA21NM", "lsoa21_name", "LSOA 2021 Name", "LSOA name (2021)", "LSOA11NM", "lsoa11_name"];
    private static readonly string[] CoordinateNames = ["lon", "lng", "longitude", "easting", "BNG_E", "x"];

    /// <summary>Field targets with a fixed meaning; any other join target becomes an extra column.</summary>
    internal static readonly string[] KnownTargets = ["name", "population", "age65plus", "imdDecile", "imdRank", "ward", "wardCode", "localAuthority", "localAuthorityCode"];

    public static ZoneTable Load(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Load(scenario.Zones, scenario.Resolve);
    }

    public static ZoneTable Load(ZoneSpec spec, Func<string, string> resolve)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(resolve);
        var path = resolve(spec.File);
        var isGeoJson = Path.GetExtension(path).ToUpperInvariant() is ".GEOJSON" or ".JSON";
        if (!File.Exists(path))
        {
            throw new InputFileException(path, null, null, "zone file not found");
        }
        var main = isGeoJson ? ZoneBoundaries.ReadAttributes(path) : CsvTable.Read(path);
        if (main.Count == 0)
        {
            throw new InputFileException(path, 1, null, "the zone file has no data rows");
        }

        // Ids, in file order.
        var idColumn = spec.Id is not null ? main.Require(spec.Id, "zone id") : FindAny(main, IdNames);
        if (idColumn < 0)
        {
            throw new InputFileException(path, 1, "id", $"no zone id column found (looked for {string.Join(", ", IdNames)}); set zones.id; columns are: {string.Join(", ", main.Header)}");
        }
        var n = main.Count;
        var codes = new string[n];
        var lineOf = new int[n];
        var index = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (var r = 0; r < n; r++)
        {
            var code = main.Cell(r, idColumn);
            if (code.Length == 0)
            {
                throw new InputFileException(path, main.Lines[r], main.Header[idColumn], "empty zone id");
            }
            if (!index.TryAdd(code, r))
            {
                throw new InputFileException(path, main.Lines[r], main.Header[idColumn], $"duplicate zone id '{code}' (first at line {lineOf[index[code]]})");
            }
            codes[r] = code;
            lineOf[r] = main.Lines[r];
        }

        // Attribute sources: target -> values per zone with where they came from.
        var fields = new Dictionary<string, FieldValues>(StringComparer.OrdinalIgnoreCase);
        var wanted = new List<(string Target, string Column)>();
        void Want(string target, string? column)
        {
            if (column is not null)
            {
                wanted.Add((target, column));
            }
        }
        Want("name", spec.Name);
        Want("population", spec.Population);
        Want("age65plus", spec.Age65plus);
        Want("imdDecile", spec.ImdDecile);
        Want("imdRank", spec.ImdRank);
        Want("ward", spec.Ward);
        Want("wardCode", spec.WardCode);
        Want("localAuthority", spec.LocalAuthority);
        Want("localAuthorityCode", spec.LocalAuthorityCode);
        foreach (var extra in (spec.Extra ?? []).Concat(CensusColumns.Columns(spec.Census)))
        {
            Want(extra, extra);
        }
        var deferred = new List<(string Target, string Column)>();
        foreach (var (target, column) in wanted)
        {
            var c = main.Find(column);
            if (c < 0)
            {
                deferred.Add((target, column));
                continue;
            }
            fields[target] = FromMain(main, c);
        }
        if (spec.Name is null && FindAny(main, NameNames) is var nameColumn and >= 0)
        {
            fields["name"] = FromMain(main, nameColumn);
        }

        // Joins.
        var joins = spec.Joins ?? [];
        for (var j = 0; j < joins.Count; j++)
        {
            ApplyJoin(joins[j], resolve, index, codes, fields);
        }
        foreach (var (target, column) in deferred)
        {
            if (!fields.ContainsKey(target) && !(target is "population" or "age65plus" && spec.AgeGroups is not null))
            {
                throw new InputFileException(path, 1, column,
                    $"zone column '{column}' (for {target}) not found in the zone file or any join; columns are: {string.Join(", ", main.Header)}");
            }
        }

        // Census age groups.
        double[]? ageTotal = null, age65 = null;
        if (spec.AgeGroups is not null)
        {
            (ageTotal, age65) = ReadAgeGroups(spec.AgeGroups, resolve, index, codes);
        }

        // Typed columns.
        var population = new double[n];
        if (fields.TryGetValue("population", out var popField))
        {
            for (var z = 0; z < n; z++)
            {
                population[z] = RequiredNumber(popField, z, codes[z], "population");
            }
        }
        else if (ageTotal is not null)
        {
            population = ageTotal;
        }
        else
        {
            throw new InputFileException(path, 1, spec.Population ?? "population",
                "zones have no population: set zones.population to a column, join one, or give zones.ageGroups");
        }
        var age65Plus = new double[n];
        Array.Fill(age65Plus, double.NaN);
        if (fields.TryGetValue("age65plus", out var ageField))
        {
            for (var z = 0; z < n; z++)
            {
                age65Plus[z] = OptionalNumber(ageField, z);
            }
        }
        else if (age65 is not null)
        {
            age65Plus = age65;
        }
        for (var z = 0; z < n; z++)
        {
            if (!double.IsNaN(age65Plus[z]) && age65Plus[z] > population[z] + 1e-9)
            {
                throw new InputFileException(path, lineOf[z], "age65plus",
                    $"zone '{codes[z]}' has {Fmt(age65Plus[z])} people aged 65+ but a population of {Fmt(population[z])}");
            }
        }
        var imdDecile = new int[n];
        if (fields.TryGetValue("imdDecile", out var decField))
        {
            for (var z = 0; z < n; z++)
            {
                var v = OptionalNumber(decField, z);
                if (double.IsNaN(v))
                {
                    continue;
                }
                if (v != Math.Floor(v) || v < 1 || v > 10)
                {
                    throw decField.Error(z, $"IMD decile '{decField.Values[z]}' is not a whole number from 1 to 10");
                }
                imdDecile[z] = (int)v;
            }
        }
        var imdRank = new int[n];
        if (fields.TryGetValue("imdRank", out var rankField))
        {
            for (var z = 0; z < n; z++)
            {
                var v = OptionalNumber(rankField, z);
                if (double.IsNaN(v))
                {
                    continue;
                }
                if (v != Math.Floor(v) || v < 1)
                {
                    throw rankField.Error(z, $"IMD rank '{rankField.Values[z]}' is not a positive whole number");
                }
                imdRank[z] = (int)v;
            }
        }
        var names = new string[n];
        var nameValues = fields.TryGetValue("name", out var nf) ? nf : null;
        for (var z = 0; z < n; z++)
        {
            var v = nameValues?.Values[z];
            names[z] = string.IsNullOrWhiteSpace(v) ? codes[z] : v.Trim();
        }
        var ward = Texts(fields, "ward", n);
        var la = Texts(fields, "localAuthority", n);
        var wardCode = Texts(fields, "wardCode", n);
        var laCode = Texts(fields, "localAuthorityCode", n);

        var numeric = new Dictionary<string, double[]>(StringComparer.OrdinalIgnoreCase);
        var categories = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (target, values) in fields)
        {
            if (KnownTargets.Contains(target, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }
            var allNumeric = true;
            var numbers = new double[n];
            for (var z = 0; z < n; z++)
            {
                var text = values.Values[z]?.Trim() ?? "";
                if (text.Length == 0)
                {
                    numbers[z] = double.NaN;
                }
                else if (CsvTable.TryNumber(text, out var v))
                {
                    numbers[z] = v;
                }
                else
                {
                    allNumeric = false;
                    break;
                }
            }
            if (allNumeric)
            {
                numeric[target] = numbers;
            }
            else
            {
                categories[target] = [.. values.Values.Select(v => v?.Trim() ?? "")];
            }
        }

        // Boundaries and points.
        Geometry?[]? boundaries = null;
        if (spec.Boundaries is not null)
        {
            var boundaryPath = resolve(spec.Boundaries);
            var byId = ZoneBoundaries.Read(boundaryPath, spec.BoundaryId ?? main.Header[idColumn]);
            boundaries = new Geometry?[n];
            for (var z = 0; z < n; z++)
            {
                boundaries[z] = byId.GetValueOrDefault(codes[z]);
            }
        }
        var points = ReadPoints(spec, path, main, idColumn, isGeoJson, codes, index, boundaries);

        return new ZoneTable(codes, names, points, population, age65Plus, imdDecile, imdRank, ward, la, numeric, categories, boundaries, wardCode, laCode)
        {
            Census = CensusColumns.Build(spec.Census, numeric, categories, (column, z, problem) =>
                fields.TryGetValue(column, out var f) ? f.Error(z, problem) : new InputFileException(path, 1, column, problem)),
        };
    }

    private static GeoPoint[] ReadPoints(ZoneSpec spec, string path, CsvTable main, int idColumn, bool isGeoJson,
        string[] codes, Dictionary<string, int> index, Geometry?[]? boundaries)
    {
        var n = codes.Length;
        var points = new GeoPoint[n];
        var explicitCoordinates = spec.Lon is not null || spec.Lat is not null || spec.Easting is not null || spec.Northing is not null;
        var hasCoordinates = isGeoJson || explicitCoordinates || FindAny(main, CoordinateNames) >= 0;
        if (!hasCoordinates)
        {
            if (boundaries is null)
            {
                throw new InputFileException(path, 1, "lon",
                    "the zone file has no coordinates (lon/lat or easting/northing) and no boundaries were given; set zones.lon/lat, zones.easting/northing or zones.boundaries");
            }
            for (var z = 0; z < n; z++)
            {
                var b = boundaries[z] ?? throw new InputFileException(resolveBoundaryName(spec), null, spec.BoundaryId,
                    $"zone '{codes[z]}' has no coordinates in the zone file and no polygon in the boundaries file");
                var p = b.InteriorPoint;
                points[z] = new GeoPoint(p.X, p.Y);
            }
            return points;
        }
        var columns = new PointColumns
        {
            Id = isGeoJson ? spec.Id : main.Header[idColumn],
            Lon = spec.Lon,
            Lat = spec.Lat,
            Easting = spec.Easting,
            Northing = spec.Northing,
            OptionPrefix = "zones.",
        };
        var read = PointFileReader.Read(path, columns);
        var seen = new bool[n];
        foreach (var point in read)
        {
            if (index.TryGetValue(point.Id, out var z))
            {
                points[z] = point.Point;
                seen[z] = true;
            }
        }
        for (var z = 0; z < n; z++)
        {
            if (!seen[z])
            {
                throw new InputFileException(path, null, "id", $"zone '{codes[z]}' has no coordinates");
            }
        }
        return points;

        static string resolveBoundaryName(ZoneSpec s) => s.Boundaries ?? "boundaries";
    }

    private static void ApplyJoin(JoinSpec join, Func<string, string> resolve, Dictionary<string, int> index, string[] codes,
        Dictionary<string, FieldValues> fields)
    {
        var path = resolve(join.File);
        var table = CsvTable.Read(path);
        var keyColumn = table.Require(join.Key, "join key");
        var n = codes.Length;
        var rowOf = new int[n];
        Array.Fill(rowOf, -1);
        for (var r = 0; r < table.Count; r++)
        {
            var key = table.Cell(r, keyColumn);
            if (!index.TryGetValue(key, out var z))
            {
                if (join.IgnoreUnknown)
                {
                    continue;
                }
                throw new InputFileException(path, table.Lines[r], table.Header[keyColumn],
                    $"unknown zone code '{key}': it is not in the zone file (set ignoreUnknown: true on this join to skip such rows)");
            }
            if (rowOf[z] >= 0)
            {
                throw new InputFileException(path, table.Lines[r], table.Header[keyColumn],
                    $"duplicate zone code '{key}' (first at line {table.Lines[rowOf[z]]})");
            }
            rowOf[z] = r;
        }
        if (!join.AllowMissing)
        {
            for (var z = 0; z < n; z++)
            {
                if (rowOf[z] < 0)
                {
                    throw new InputFileException(path, null, table.Header[keyColumn],
                        $"zone '{codes[z]}' has no row in this join file (set allowMissing: true to leave it empty)");
                }
            }
        }
        foreach (var (target, column) in join.Columns)
        {
            var c = table.Require(column, target);
            var values = new string?[n];
            var lines = new int[n];
            for (var z = 0; z < n; z++)
            {
                if (rowOf[z] >= 0)
                {
                    values[z] = table.Cell(rowOf[z], c);
                    lines[z] = table.Lines[rowOf[z]];
                }
            }
            fields[target] = new FieldValues(path, table.Header[c], values, lines);
        }
    }

    private static (double[] Total, double[]? Age65) ReadAgeGroups(AgeGroupSpec spec, Func<string, string> resolve,
        Dictionary<string, int> index, string[] codes)
    {
        var path = resolve(spec.File);
        var table = CsvTable.Read(path);
        var key = table.Require(spec.Key, "age-group key");
        var group = table.Require(spec.GroupColumn, "age group");
        var value = table.Require(spec.ValueColumn, "age-group value");
        var n = codes.Length;
        var total = new double[n];
        var age65 = new double[n];
        var rows = new int[n];
        var old = new HashSet<string>(spec.Age65plusGroups, StringComparer.OrdinalIgnoreCase);
        var matched = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var groupsSeen = new SortedSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < table.Count; r++)
        {
            var code = table.Cell(r, key);
            if (!index.TryGetValue(code, out var z))
            {
                throw new InputFileException(path, table.Lines[r], table.Header[key], $"unknown zone code '{code}': it is not in the zone file");
            }
            var v = table.Number(r, value);
            if (v < 0)
            {
                throw new InputFileException(path, table.Lines[r], table.Header[value], $"negative count {Fmt(v)}");
            }
            var g = table.Cell(r, group);
            groupsSeen.Add(g);
            total[z] += v;
            rows[z]++;
            if (old.Contains(g))
            {
                age65[z] += v;
                matched.Add(g);
            }
        }
        for (var z = 0; z < n; z++)
        {
            if (rows[z] == 0)
            {
                throw new InputFileException(path, null, table.Header[key], $"zone '{codes[z]}' has no rows in the age-group file, so it has no population");
            }
        }
        foreach (var g in spec.Age65plusGroups)
        {
            if (!matched.Contains(g))
            {
                throw new InputFileException(path, null, table.Header[group],
                    $"age group '{g}' (zones.ageGroups.age65plusGroups) never occurs; groups are: {string.Join("; ", groupsSeen)}");
            }
        }
        return (total, spec.Age65plusGroups.Count > 0 ? age65 : null);
    }

    private static FieldValues FromMain(CsvTable main, int column)
    {
        var values = new string?[main.Count];
        var lines = new int[main.Count];
        for (var r = 0; r < main.Count; r++)
        {
            values[r] = main.Cell(r, column);
            lines[r] = main.Lines[r];
        }
        return new FieldValues(main.FilePath, main.Header[column], values, lines);
    }

    private static int FindAny(CsvTable table, string[] names)
    {
        foreach (var name in names)
        {
            var c = table.Find(name);
            if (c >= 0)
            {
                return c;
            }
        }
        return -1;
    }

    private static double RequiredNumber(FieldValues field, int z, string code, string what)
    {
        var text = field.Values[z]?.Trim() ?? "";
        if (field.Lines[z] == 0)
        {
            throw new InputFileException(field.File, null, field.Column, $"zone '{code}' has no {what}");
        }
        if (text.Length == 0)
        {
            throw field.Error(z, $"zone '{code}' has no {what} (empty value)");
        }
        if (!CsvTable.TryNumber(text, out var v))
        {
            throw field.Error(z, $"{what} '{text}' is not a number");
        }
        if (v < 0)
        {
            throw field.Error(z, $"{what} {Fmt(v)} is negative");
        }
        return v;
    }

    private static double OptionalNumber(FieldValues field, int z)
    {
        var text = field.Values[z]?.Trim() ?? "";
        if (text.Length == 0)
        {
            return double.NaN;
        }
        if (!CsvTable.TryNumber(text, out var v))
        {
            throw field.Error(z, $"'{text}' is not a number");
        }
        if (v < 0)
        {
            throw field.Error(z, $"{Fmt(v)} is negative");
        }
        return v;
    }

    private static string?[] Texts(Dictionary<string, FieldValues> fields, string target, int n)
    {
        var result = new string?[n];
        if (fields.TryGetValue(target, out var f))
        {
            for (var z = 0; z < n; z++)
            {
                result[z] = string.IsNullOrWhiteSpace(f.Values[z]) ? null : f.Values[z]!.Trim();
            }
        }
        return result;
    }

    private static string Fmt(double v) => v.ToString(CultureInfo.InvariantCulture);

    private sealed record FieldValues(string File, string Column, string?[] Values, int[] Lines)
    {
        public InputFileException Error(int zone, string problem) =>
            new(File, Lines[zone] == 0 ? null : Lines[zone], Column, problem);
    }
}

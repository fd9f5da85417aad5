using System.Globalization;
using Geo.Catchment.Scenarios;
using Geo.Core;
using Geo.Routing.Geometry;
using NetTopologySuite.Geometries;

namespace Geo.Catchment.Inputs;

/// <summary>
/// Builds a <see cref="ZoneTable"/> from a scenario's <see cref="ZoneSpec"/>: the zone file (ids, coordinates, attributes),
/// joins keyed by zone id, a long census age table (population and 65+) and optional boundaries. A problem in one zone's
/// row (empty or repeated code, bad coordinate, population or IMD value) is logged in the <see cref="InputOptions"/>' issues
/// with file, line and field and the zone skipped (strict options, the default, make it an error); a missing column, a
/// join or age table that does not match, or a file without one valid zone is an <see cref="InputFileException"/>.
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
        return Load(scenario.Zones, scenario.Resolve, scenario.Input);
    }

    public static ZoneTable Load(ZoneSpec spec, Func<string, string> resolve, InputOptions? input = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(resolve);
        input ??= new InputOptions();
        var issues = input.Issues;
        var path = resolve(spec.File);
        var isGeoJson = Path.GetExtension(path).ToUpperInvariant() is ".GEOJSON" or ".JSON";
        if (!File.Exists(path))
        {
            throw new InputFileException(path, null, null, "zone file not found");
        }
        var main = isGeoJson ? ZoneBoundaries.ReadAttributes(path) : CsvTable.Read(path, input: input);
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
        // Zones are the rows with a code seen for the first time; rowOf maps a zone to its row of the zone file.
        var rowOf = new List<int>(main.Count);
        var index = new Dictionary<string, int>(main.Count, StringComparer.Ordinal);
        for (var r = 0; r < main.Count; r++)
        {
            var code = main.Cell(r, idColumn);
            if (code.Length == 0)
            {
                issues.Add(path, main.Lines[r], main.Header[idColumn], null, IssueCode.EmptyId, IssueSeverity.Error, "empty zone id; row skipped");
            }
            else if (!index.TryAdd(code, rowOf.Count))
            {
                issues.Add(path, main.Lines[r], main.Header[idColumn], code, IssueCode.DuplicateId, IssueSeverity.Error,
                    $"duplicate zone id '{code}' (first at line {main.Lines[rowOf[index[code]]]}); row skipped");
            }
            else
            {
                rowOf.Add(r);
            }
        }
        var n = rowOf.Count;
        if (n == 0)
        {
            throw NoValidZones(path, issues);
        }
        var codes = new string[n];
        var lineOf = new int[n];
        for (var z = 0; z < n; z++)
        {
            codes[z] = main.Cell(rowOf[z], idColumn);
            lineOf[z] = main.Lines[rowOf[z]];
        }
        // Zones whose other fields turn out bad are dropped at the end (after joins, which are keyed by every valid code).
        var dropped = new bool[n];
        void Drop(int z, FieldValues field, IssueCode code, string problem)
        {
            if (!dropped[z])
            {
                dropped[z] = true;
                issues.Add(field.File, field.Lines[z], field.Column, codes[z], code, IssueSeverity.Error, problem + "; zone skipped");
            }
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
            fields[target] = FromMain(main, c, rowOf);
        }
        if (spec.Name is null && FindAny(main, NameNames) is var nameColumn and >= 0)
        {
            fields["name"] = FromMain(main, nameColumn, rowOf);
        }

        // Joins.
        var joins = spec.Joins ?? [];
        for (var j = 0; j < joins.Count; j++)
        {
            ApplyJoin(joins[j], resolve, index, codes, fields, input);
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
            (ageTotal, age65) = ReadAgeGroups(spec.AgeGroups, resolve, index, codes, input);
        }

        // Typed columns.
        var population = new double[n];
        if (fields.TryGetValue("population", out var popField))
        {
            for (var z = 0; z < n; z++)
            {
                population[z] = Number(popField, z, required: true, codes[z], "population", out var problem);
                if (problem is not null)
                {
                    Drop(z, popField, problem.Value.Code, problem.Value.Text);
                }
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
                age65Plus[z] = Number(ageField, z, required: false, codes[z], "age65plus", out var problem);
                if (problem is not null)
                {
                    Drop(z, ageField, problem.Value.Code, problem.Value.Text);
                }
            }
        }
        else if (age65 is not null)
        {
            age65Plus = age65;
        }
        for (var z = 0; z < n; z++)
        {
            if (!dropped[z] && !double.IsNaN(age65Plus[z]) && age65Plus[z] > population[z] + 1e-9)
            {
                Drop(z, ageField ?? new FieldValues(path, "age65plus", [], lineOf), IssueCode.BadValue,
                    $"zone '{codes[z]}' has {Fmt(age65Plus[z])} people aged 65+ but a population of {Fmt(population[z])}");
            }
        }
        var imdDecile = new int[n];
        if (fields.TryGetValue("imdDecile", out var decField))
        {
            for (var z = 0; z < n; z++)
            {
                var v = Number(decField, z, required: false, codes[z], "IMD decile", out var problem);
                if (problem is null && !double.IsNaN(v) && (v != Math.Floor(v) || v < 1 || v > 10))
                {
                    problem = (IssueCode.BadValue, $"IMD decile '{decField.Values[z]}' is not a whole number from 1 to 10");
                }
                if (problem is not null)
                {
                    Drop(z, decField, problem.Value.Code, problem.Value.Text);
                }
                else if (!double.IsNaN(v))
                {
                    imdDecile[z] = (int)v;
                }
            }
        }
        var imdRank = new int[n];
        if (fields.TryGetValue("imdRank", out var rankField))
        {
            for (var z = 0; z < n; z++)
            {
                var v = Number(rankField, z, required: false, codes[z], "IMD rank", out var problem);
                if (problem is null && !double.IsNaN(v) && (v != Math.Floor(v) || v < 1))
                {
                    problem = (IssueCode.BadValue, $"IMD rank '{rankField.Values[z]}' is not a positive whole number");
                }
                if (problem is not null)
                {
                    Drop(z, rankField, problem.Value.Code, problem.Value.Text);
                }
                else if (!double.IsNaN(v))
                {
                    imdRank[z] = (int)v;
                }
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
        var points = ReadPoints(spec, path, main, idColumn, isGeoJson, codes, index, boundaries, input, dropped);

        var kept = Enumerable.Range(0, n).Where(z => !dropped[z]).ToArray();
        if (kept.Length == 0)
        {
            throw NoValidZones(path, issues);
        }
        T[] Keep<T>(T[] values) => kept.Length == n ? values : [.. kept.Select(z => values[z])];
        var keptNumeric = numeric.ToDictionary(p => p.Key, p => Keep(p.Value), StringComparer.OrdinalIgnoreCase);
        var keptCategories = categories.ToDictionary(p => p.Key, p => Keep(p.Value), StringComparer.OrdinalIgnoreCase);
        return new ZoneTable(Keep(codes), Keep(names), Keep(points), Keep(population), Keep(age65Plus), Keep(imdDecile), Keep(imdRank),
            Keep(ward), Keep(la), keptNumeric, keptCategories, boundaries is null ? null : Keep(boundaries), Keep(wardCode), Keep(laCode))
        {
            // A census column that is not counts is a whole-column error, not a row issue.
            Census = CensusColumns.Build(spec.Census, keptNumeric, keptCategories, (column, z, problem) =>
                fields.TryGetValue(column, out var f) ? f.Error(kept[z], problem) : new InputFileException(path, 1, column, problem)),
        };
    }

    private static InputFileException NoValidZones(string path, IssueLog issues) =>
        new(path, null, null, "the zone file has no valid zone" + issues.FirstProblemIn(path));

    /// <summary>
    /// Each zone's point. The zone file is read again by <see cref="PointFileReader"/> into a private log: its coordinate issues
    /// are passed on and their zones dropped (its id issues were logged by the id pass already).
    /// </summary>
    private static GeoPoint[] ReadPoints(ZoneSpec spec, string path, CsvTable main, int idColumn, bool isGeoJson,
        string[] codes, Dictionary<string, int> index, Geometry?[]? boundaries, InputOptions input, bool[] dropped)
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
        var own = input.Reread();
        var read = PointFileReader.Read(path, columns, own);
        var badLines = new HashSet<int>();
        foreach (var issue in own.Issues.Issues)
        {
            if (issue.IssueCode == IssueCode.BadCoordinate)
            {
                input.Issues.Add(issue with { Message = issue.Message.Replace("; row skipped", "; zone skipped", StringComparison.Ordinal) });
                badLines.Add(issue.Line);
            }
        }
        var seen = new bool[n];
        foreach (var point in read)
        {
            if (index.TryGetValue(point.Id, out var z))
            {
                points[z] = point.Point;
                seen[z] = true;
            }
        }
        var lineOfCode = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 0; r < main.Count; r++)
        {
            lineOfCode.TryAdd(main.Cell(r, idColumn), main.Lines[r]);
        }
        for (var z = 0; z < n; z++)
        {
            if (!seen[z])
            {
                if (!badLines.Contains(lineOfCode.GetValueOrDefault(codes[z])))
                {
                    throw new InputFileException(path, null, "id", $"zone '{codes[z]}' has no coordinates");
                }
                dropped[z] = true;
            }
        }
        return points;

        static string resolveBoundaryName(ZoneSpec s) => s.Boundaries ?? "boundaries";
    }

    private static void ApplyJoin(JoinSpec join, Func<string, string> resolve, Dictionary<string, int> index, string[] codes,
        Dictionary<string, FieldValues> fields, InputOptions input)
    {
        var path = resolve(join.File);
        var table = CsvTable.Read(path, input: input);
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
                input.Issues.Add(path, table.Lines[r], table.Header[keyColumn], key, IssueCode.DuplicateId, IssueSeverity.Error,
                    $"duplicate zone code '{key}' (first at line {table.Lines[rowOf[z]]}); row skipped");
                continue;
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
        Dictionary<string, int> index, string[] codes, InputOptions input)
    {
        var path = resolve(spec.File);
        var table = CsvTable.Read(path, input: input);
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

    private static FieldValues FromMain(CsvTable main, int column, List<int> rowOf)
    {
        var values = new string?[rowOf.Count];
        var lines = new int[rowOf.Count];
        for (var z = 0; z < rowOf.Count; z++)
        {
            values[z] = main.Cell(rowOf[z], column);
            lines[z] = main.Lines[rowOf[z]];
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

    /// <summary>A zone's number (NaN when empty and not <paramref name="required"/>), or the problem with it.</summary>
    private static double Number(FieldValues field, int z, bool required, string code, string what, out (IssueCode Code, string Text)? problem)
    {
        problem = null;
        var text = field.Values[z]?.Trim() ?? "";
        if (required && field.Lines[z] == 0)
        {
            problem = (IssueCode.BadNumber, $"zone '{code}' has no {what}");
        }
        else if (text.Length == 0)
        {
            problem = required ? (IssueCode.BadNumber, $"zone '{code}' has no {what} (empty value)") : null;
            return double.NaN;
        }
        else if (!CsvTable.TryNumber(text, out var v))
        {
            problem = (IssueCode.BadNumber, $"{what} '{text}' is not a number");
        }
        else if (v < 0)
        {
            problem = (IssueCode.BadValue, $"{what} {Fmt(v)} is negative");
        }
        else
        {
            return v;
        }
        return double.NaN;
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

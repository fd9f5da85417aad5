using System.Globalization;
using System.Text;
using System.Text.Json;
using Geo.Core;
using Geo.Routing.Geometry;

namespace Geo.Catchment.Inputs;

/// <summary>
/// Reads named points (zones, sites) from an ESRI shapefile or GeoPackage of points (see <see cref="PointFeatureReader"/>), from a CSV file (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes;
/// numbers may carry spaces such as <c>" -4.21"</c>) or from a GeoJSON FeatureCollection of Points (.geojson/.json).
/// Columns not given in <see cref="PointColumns"/> are detected from the header, case-insensitively, in this order:
/// id: id, code, zone_id, site_id, LSOA21CD, lsoa21_code, OrganisationCode, Facility_Name, name;
/// lon: lon, lng, longitude, x (when not BNG-sized); lat: lat, latitude, y (when not BNG-sized);
/// easting: easting, BNG_E, x (BNG-sized); northing: northing, BNG_N, y (BNG-sized).
/// When both lon/lat and easting/northing are present, lon/lat are used. BNG is converted with <see cref="BritishNationalGrid"/>.
/// A row problem (empty id, bad or out-of-range coordinate, repeated id) is logged in the <see cref="InputOptions"/>' issues
/// with file, line and field and the row skipped (the first row is kept for a repeated id); strict options (the default)
/// make it an <see cref="InputFileException"/>. A missing column or a file without one valid row is always an error.
/// </summary>
public static class PointFileReader
{
    private static readonly string[] IdNames = ["id", "code", "zone_id", "site_id", "LSOA21CD", "lsoa21_code", "OrganisationCode", "Facility_Name", "name"];
    private static readonly string[] LonNames = ["lon", "lng", "longitude"];
    private static readonly string[] LatNames = ["lat", "latitude"];
    private static readonly string[] EastingNames = ["easting", "BNG_E"];
    private static readonly string[] NorthingNames = ["northing", "BNG_N"];

    public static IReadOnlyList<NamedPoint> Read(string path, PointColumns? columns = null, InputOptions? input = null) =>
        Read(path, columns, out _, input);

    /// <summary>True for the extensions read as GeoJSON (.geojson, .json).</summary>
    public static bool IsGeoJson(string path) => Path.GetExtension(path).ToUpperInvariant() is ".GEOJSON" or ".JSON";

    /// <summary>Reads the file; <paramref name="duplicateIdsSkipped"/> counts rows dropped by <see cref="PointColumns.DeduplicateIds"/>.</summary>
    public static IReadOnlyList<NamedPoint> Read(string path, PointColumns? columns, out int duplicateIdsSkipped, InputOptions? input = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        columns ??= new PointColumns();
        input ??= new InputOptions();
        if (!File.Exists(path))
        {
            throw new InputFileException(path, null, null, "file not found");
        }
        var extension = Path.GetExtension(path).ToUpperInvariant();
        var raw = extension switch
        {
            ".GEOJSON" or ".JSON" => ReadGeoJson(path, columns, input.Issues),
            ".SHP" => PointFeatureReader.ReadShapefile(path, columns.Id, IdNames),
            ".GPKG" => PointFeatureReader.ReadGeoPackage(path, columns.Id, IdNames),
            _ => ReadCsv(path, columns, input),
        };
        var points = Deduplicate(path, raw, columns, input.Issues, out duplicateIdsSkipped);
        if (points.Count == 0)
        {
            throw new InputFileException(path, null, null, "the file has no valid rows" + input.Issues.FirstProblemIn(path));
        }
        return points;
    }

    private static List<NamedPoint> Deduplicate(string path, List<NamedPoint> points, PointColumns columns, IssueLog issues, out int skipped)
    {
        skipped = 0;
        var seen = new Dictionary<string, int>(points.Count, StringComparer.Ordinal);
        var result = new List<NamedPoint>(points.Count);
        foreach (var point in points)
        {
            if (seen.TryGetValue(point.Id, out var firstLine))
            {
                if (!columns.DeduplicateIds)
                {
                    issues.Add(path, point.Line, "id", point.Id, IssueCode.DuplicateId, IssueSeverity.Error,
                        $"duplicate id '{point.Id}' (first seen at line {firstLine}); ids must be unique, or allow duplicates to keep the first row; row skipped");
                }
                skipped++;
                continue;
            }
            seen.Add(point.Id, point.Line);
            result.Add(point);
        }
        return result;
    }

    // ---------------------------------------------------------------- CSV

    private static List<NamedPoint> ReadCsv(string path, PointColumns columns, InputOptions input)
    {
        var table = CsvTable.Read(path, input: input);
        var issues = input.Issues;
        var header = table.Header;
        if (table.Count == 0)
        {
            throw new InputFileException(path, 1, null, "the file has a header but no data rows");
        }

        var idColumn = Resolve(path, header, columns.Id, IdNames, "id", columns);
        int lonColumn = -1, latColumn = -1, eastingColumn = -1, northingColumn = -1;
        var explicitBng = columns.Easting is not null || columns.Northing is not null;
        var explicitLonLat = columns.Lon is not null || columns.Lat is not null;
        if (explicitBng && !explicitLonLat)
        {
            eastingColumn = Resolve(path, header, columns.Easting, EastingNames, "easting", columns);
            northingColumn = Resolve(path, header, columns.Northing, NorthingNames, "northing", columns);
        }
        else if (explicitLonLat)
        {
            lonColumn = Resolve(path, header, columns.Lon, LonNames, "lon", columns);
            latColumn = Resolve(path, header, columns.Lat, LatNames, "lat", columns);
        }
        else
        {
            lonColumn = Find(header, LonNames);
            latColumn = Find(header, LatNames);
            if (lonColumn < 0 || latColumn < 0)
            {
                lonColumn = latColumn = -1;
                eastingColumn = Find(header, EastingNames);
                northingColumn = Find(header, NorthingNames);
                if (eastingColumn < 0 || northingColumn < 0)
                {
                    eastingColumn = northingColumn = -1;
                    var x = Find(header, ["x"]);
                    var y = Find(header, ["y"]);
                    if (x >= 0 && y >= 0)
                    {
                        var bngSized = CsvTable.TryNumber(table.Cell(0, x), out var xv) && CsvTable.TryNumber(table.Cell(0, y), out var yv)
                            && (Math.Abs(xv) > 180 || Math.Abs(yv) > 90);
                        if (bngSized)
                        {
                            (eastingColumn, northingColumn) = (x, y);
                        }
                        else
                        {
                            (lonColumn, latColumn) = (x, y);
                        }
                    }
                }
            }
            if (lonColumn < 0 && eastingColumn < 0)
            {
                throw MissingColumn(path, header, "coordinate",
                    "lon/lat (lon, lng, longitude / lat, latitude) or easting/northing (easting, BNG_E / northing, BNG_N) or x/y", columns, "lon");
            }
        }

        var points = new List<NamedPoint>(table.Count);
        for (var r = 0; r < table.Count; r++)
        {
            var line = table.Lines[r];
            var id = table.Cell(r, idColumn);
            if (id.Length == 0)
            {
                issues.Add(path, line, header[idColumn], null, IssueCode.EmptyId, IssueSeverity.Error, "empty id; row skipped");
                continue;
            }
            var problem = lonColumn >= 0
                ? ReadPoint(table, r, lonLat: true, lonColumn, latColumn, out var point, out var field)
                : ReadPoint(table, r, lonLat: false, eastingColumn, northingColumn, out point, out field);
            if (problem is not null)
            {
                issues.Add(path, line, field, id, IssueCode.BadCoordinate, IssueSeverity.Error, problem + "; row skipped");
                continue;
            }
            points.Add(new NamedPoint(id, point, line));
        }
        return points;
    }

    private static int Find(string[] header, string[] names)
    {
        foreach (var name in names)
        {
            var index = CsvTable.Find(header, name);
            if (index >= 0)
            {
                return index;
            }
        }
        return -1;
    }

    private static int Resolve(string path, string[] header, string? given, string[] candidates, string role, PointColumns columns)
    {
        if (given is not null)
        {
            var index = Find(header, [given]);
            if (index < 0)
            {
                throw MissingColumn(path, header, role, $"'{given}'", columns, role);
            }
            return index;
        }
        var found = Find(header, candidates);
        if (found < 0)
        {
            throw MissingColumn(path, header, role, string.Join(", ", candidates), columns, role);
        }
        return found;
    }

    private static InputFileException MissingColumn(string path, string[] header, string role, string looked, PointColumns columns, string option)
    {
        var prefix = columns.OptionPrefix ?? "--";
        var hint = role == "coordinate"
            ? $"pass {prefix}lon and {prefix}lat (or {prefix}easting and {prefix}northing) with the column names"
            : $"pass {prefix}{option} <column>";
        return new InputFileException(path, 1, role,
            $"no {role} column (looked for {looked}); columns found: {string.Join(", ", header)}; {hint}");
    }

    /// <summary>The row's point from columns x, y (lon/lat or easting/northing); else the problem and its <paramref name="field"/>.</summary>
    private static string? ReadPoint(CsvTable table, int row, bool lonLat, int xColumn, int yColumn, out GeoPoint point, out string field)
    {
        point = default;
        field = table.Header[xColumn];
        var problem = NumberProblem(table.Cell(row, xColumn), out var x);
        if (problem is not null)
        {
            return problem;
        }
        field = table.Header[yColumn];
        problem = NumberProblem(table.Cell(row, yColumn), out var y);
        if (problem is not null)
        {
            return problem;
        }
        var (xText, yText) = (x.ToString(CultureInfo.InvariantCulture), y.ToString(CultureInfo.InvariantCulture));
        field = table.Header[xColumn];
        if (lonLat)
        {
            if (x is < -180 or > 180)
            {
                return $"longitude {xText} is outside -180..180 (are these easting/northing?)";
            }
            field = table.Header[yColumn];
            if (y is < -90 or > 90)
            {
                return $"latitude {yText} is outside -90..90 (are these easting/northing?)";
            }
            point = new GeoPoint(x, y);
            return null;
        }
        if (!BritishNationalGrid.IsPlausible(x, y))
        {
            return $"easting/northing {xText}, {yText} is outside the British National Grid";
        }
        point = BritishNationalGrid.ToWgs84(x, y);
        return null;
    }

    /// <summary>Null when <paramref name="text"/> is a number, else what is wrong with it.</summary>
    private static string? NumberProblem(string text, out double value) =>
        CsvTable.TryNumber(text, out value) ? null
            : text.Trim().Length == 0 ? "empty value, expected a number" : $"'{text.Trim()}' is not a number";

    // ---------------------------------------------------------------- GeoJSON

    private static List<NamedPoint> ReadGeoJson(string path, PointColumns columns, IssueLog issues)
    {
        var text = File.ReadAllText(path, Encoding.UTF8);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InputFileException(path, null, null, "the file is empty");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new InputFileException(path, (int?)(ex.LineNumber + 1), null, "not valid JSON: " + ex.Message);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                throw new InputFileException(path, null, "features", "expected a GeoJSON FeatureCollection with a 'features' array");
            }
            var points = new List<NamedPoint>(features.GetArrayLength());
            var number = 0;
            foreach (var feature in features.EnumerateArray())
            {
                number++;
                var id = FeatureId(path, number, feature, columns);
                if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object
                    || !geometry.TryGetProperty("type", out var type) || type.GetString() != "Point"
                    || !geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array
                    || coordinates.GetArrayLength() < 2
                    || coordinates[0].ValueKind != JsonValueKind.Number || coordinates[1].ValueKind != JsonValueKind.Number)
                {
                    issues.Add(path, number, "geometry", id, IssueCode.BadCoordinate, IssueSeverity.Error,
                        $"feature {number} ('{id}') is not a Point with [lon, lat] coordinates; feature skipped");
                    continue;
                }
                var x = coordinates[0].GetDouble();
                var y = coordinates[1].GetDouble();
                GeoPoint point;
                if (Math.Abs(x) > 180 || Math.Abs(y) > 90)
                {
                    if (!BritishNationalGrid.IsPlausible(x, y))
                    {
                        issues.Add(path, number, "geometry", id, IssueCode.BadCoordinate, IssueSeverity.Error,
                            $"feature {number} ('{id}'): coordinates are neither lon/lat nor British National Grid; feature skipped");
                        continue;
                    }
                    point = BritishNationalGrid.ToWgs84(x, y);
                }
                else
                {
                    point = new GeoPoint(x, y);
                }
                points.Add(new NamedPoint(id, point, number));
            }
            if (number == 0)
            {
                throw new InputFileException(path, null, "features", "the FeatureCollection has no features");
            }
            return points;
        }
    }

    private static string FeatureId(string path, int number, JsonElement feature, PointColumns columns)
    {
        var hasProperties = feature.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object;
        if (columns.Id is not null)
        {
            if (hasProperties && TryProperty(properties, columns.Id, out var given))
            {
                return given;
            }
            throw new InputFileException(path, number, columns.Id, $"feature {number} has no property '{columns.Id}'");
        }
        if (hasProperties)
        {
            foreach (var name in IdNames)
            {
                if (TryProperty(properties, name, out var value))
                {
                    return value;
                }
            }
        }
        if (feature.TryGetProperty("id", out var featureId) && featureId.ValueKind is JsonValueKind.String or JsonValueKind.Number)
        {
            var value = featureId.ValueKind == JsonValueKind.String ? featureId.GetString()! : featureId.GetRawText();
            if (value.Length > 0)
            {
                return value;
            }
        }
        var prefix = columns.OptionPrefix ?? "--";
        var found = hasProperties ? string.Join(", ", properties.EnumerateObject().Select(p => p.Name)) : "(none)";
        throw new InputFileException(path, number, "id",
            $"feature {number} has no id (looked for {string.Join(", ", IdNames)} and the feature id); properties found: {found}; pass {prefix}id <property>");
    }

    private static bool TryProperty(JsonElement properties, string name, out string value)
    {
        foreach (var property in properties.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString()!.Trim(),
                    JsonValueKind.Number => property.Value.GetRawText(),
                    _ => string.Empty,
                };
                if (value.Length > 0)
                {
                    return true;
                }
            }
        }
        value = string.Empty;
        return false;
    }
}

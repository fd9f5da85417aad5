using Geo.Catchment.Inputs;
using Geo.Catchment.Scenarios;
using Geo.Core;
using Geo.Routing.Geometry;

namespace Geo.Catchment.Allocation;

/// <summary>
/// Reads the files of <c>geo place</c> / <c>geo nearest</c>: zones with numeric columns for the need expression, candidate
/// and existing sites (with optional capacity), and a matrix re-ordered to zones x sites. Every problem is an
/// <see cref="InputFileException"/> naming file, line and field.
/// </summary>
public static class PlacementInputs
{
    private static readonly string[] ZoneIdNames = ["zone_id", "id", "code", "LSOA21CD", "lsoa21_code", "LSOA 2021 Code", "LSOA code (2021)"];
    private static readonly string[] ZoneNameNames = ["zone_name", "name", "LSOA21NM", "lsoa21_name", "LSOA 2021 Name", "LSOA name (2021)"];
    private static readonly string[] SiteIdNames = ["site_id", "id", "code", "Facility_Name", "name"];
    private static readonly string[] SiteNameNames = ["site_name", "name", "Facility_Name"];
    private static readonly string[] LonNames = ["lon", "lng", "longitude"];
    private static readonly string[] LatNames = ["lat", "latitude"];

    /// <summary>Zones: ids, names, optional points, IMD deciles (0 = unknown) and every numeric column (plus imd_core20, imd_quintile).</summary>
    public sealed record ZoneList(string[] Ids, string[] Names, GeoPoint?[] Points, int[]? ImdDecile, Dictionary<string, double[]> Columns);

    /// <summary>Sites: existing first as listed, then candidates; capacity null when no capacity column. Site files are CSV or
    /// GeoJSON points (columns from the feature properties).</summary>
    public sealed record SiteList(string[] Ids, string?[] Names, GeoPoint?[] Points, bool[] IsExisting, double[]? Capacity);

    public static ZoneList ReadZones(string path, string? idColumn = null, string? nameColumn = null, string? imdColumn = null, InputOptions? input = null)
    {
        var table = CsvTable.Read(path, requireSameWidth: true, input);
        var id = table.RequireAny("zone id", idColumn, ZoneIdNames);
        var name = nameColumn is null ? table.FindAny(ZoneNameNames) : table.RequireAny("zone name", nameColumn);
        if (name == id)
        {
            name = -1;
        }
        var lon = table.FindAny(LonNames);
        var lat = table.FindAny(LatNames);
        var imd = imdColumn is not null ? table.RequireAny("IMD decile", imdColumn) : table.FindAny("imd_decile", "IMD decile");
        if (imd < 0 && imdColumn is null)
        {
            for (var c = 0; c < table.Header.Length && imd < 0; c++)
            {
                if (table.Header[c].StartsWith("Index of Multiple Deprivation (IMD) Decile", StringComparison.OrdinalIgnoreCase))
                {
                    imd = c;
                }
            }
        }
        var n = table.Count;
        if (n == 0)
        {
            throw new InputFileException(path, null, null, "the zone file has no data rows");
        }
        var ids = new string[n];
        var names = new string[n];
        var points = new GeoPoint?[n];
        var deciles = imd >= 0 ? new int[n] : null;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 0; r < n; r++)
        {
            ids[r] = table.Cell(r, id);
            if (ids[r].Length == 0)
            {
                throw new InputFileException(path, table.Lines[r], table.Header[id], "empty zone id");
            }
            if (!seen.TryAdd(ids[r], table.Lines[r]))
            {
                throw new InputFileException(path, table.Lines[r], table.Header[id], $"duplicate zone id '{ids[r]}' (first at line {seen[ids[r]]})");
            }
            names[r] = name >= 0 ? table.Cell(r, name) : ids[r];
            if (lon >= 0 && lat >= 0)
            {
                var x = table.NumberOrNaN(r, lon);
                var y = table.NumberOrNaN(r, lat);
                points[r] = double.IsNaN(x) || double.IsNaN(y) ? null : new GeoPoint(x, y);
            }
            if (deciles is not null)
            {
                var d = table.NumberOrNaN(r, imd);
                if (!double.IsNaN(d) && (d < 1 || d > 10 || d != Math.Floor(d)))
                {
                    throw new InputFileException(path, table.Lines[r], table.Header[imd], $"IMD decile {d} must be a whole number 1-10");
                }
                deciles[r] = double.IsNaN(d) ? 0 : (int)d;
            }
        }
        var columns = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (var c = 0; c < table.Header.Length; c++)
        {
            if (c == id || c == name || c == lon || c == lat || !table.IsNumeric(c))
            {
                continue;
            }
            var values = new double[n];
            for (var r = 0; r < n; r++)
            {
                values[r] = table.NumberOrNaN(r, c);
            }
            columns.TryAdd(table.Header[c], values);
        }
        if (deciles is not null)
        {
            Need.NeedExpression.AddDerivedColumns(columns, deciles);
        }
        return new ZoneList(ids, names, points, deciles, columns);
    }

    public static SiteList ReadSites(string candidatesPath, string? existingPath, string? existingIds, string? idColumn = null,
        string? existingColumn = null, string? capacityColumn = null, InputOptions? input = null)
    {
        var ids = new List<string>();
        var names = new List<string?>();
        var points = new List<GeoPoint?>();
        var existing = new List<bool>();
        var capacity = new List<double>();
        var hasCapacity = false;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        void ReadFile(string path, bool allExisting)
        {
            var isGeoJson = PointFileReader.IsGeoJson(path);
            // GeoJSON: the points come from the geometries (read and checked first), the columns from the properties.
            var featurePoints = isGeoJson ? FeaturePoints(path, idColumn, input) : null;
            var table = isGeoJson ? ZoneBoundaries.ReadAttributes(path) : CsvTable.Read(path, requireSameWidth: true, input);
            var id = table.RequireAny("site id", idColumn, SiteIdNames);
            var name = table.FindAny(SiteNameNames);
            var lon = table.FindAny(LonNames);
            var lat = table.FindAny(LatNames);
            var cap = capacityColumn is not null ? table.RequireAny("capacity", capacityColumn) : table.FindAny("capacity");
            hasCapacity |= cap >= 0;
            var flag = allExisting ? -1 : existingColumn is not null ? table.RequireAny("existing", existingColumn) : table.FindAny("existing");
            for (var r = 0; r < table.Count; r++)
            {
                var siteId = table.Cell(r, id);
                if (siteId.Length == 0)
                {
                    throw new InputFileException(path, table.Lines[r], table.Header[id], "empty site id");
                }
                var isExisting = allExisting || (flag >= 0 && table.Cell(r, flag).ToUpperInvariant() is "YES" or "Y" or "TRUE" or "1" or "EXISTING");
                var capacityValue = cap >= 0 ? table.NumberOrNaN(r, cap) : double.NaN;
                if (cap >= 0 && double.IsNaN(capacityValue))
                {
                    throw new InputFileException(path, table.Lines[r], table.Header[cap], "missing capacity");
                }
                if (index.TryGetValue(siteId, out var k))
                {
                    existing[k] |= isExisting;
                    if (!double.IsNaN(capacityValue))
                    {
                        capacity[k] = capacityValue;
                    }
                    continue;
                }
                index[siteId] = ids.Count;
                ids.Add(siteId);
                names.Add(name >= 0 ? table.Cell(r, name) : null);
                GeoPoint? point = null;
                if (featurePoints is not null)
                {
                    point = featurePoints.TryGetValue(table.Lines[r], out var p) ? p : null;
                }
                else if (lon >= 0 && lat >= 0)
                {
                    var x = table.NumberOrNaN(r, lon);
                    var y = table.NumberOrNaN(r, lat);
                    point = double.IsNaN(x) || double.IsNaN(y) ? null : new GeoPoint(x, y);
                }
                points.Add(point);
                existing.Add(isExisting);
                capacity.Add(capacityValue);
            }
        }
        ReadFile(candidatesPath, false);
        if (existingPath is not null)
        {
            ReadFile(existingPath, true);
        }
        if (existingIds is not null)
        {
            foreach (var raw in existingIds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!index.TryGetValue(raw, out var k))
                {
                    index[raw] = ids.Count;
                    ids.Add(raw);
                    names.Add(null);
                    points.Add(null);
                    existing.Add(true);
                    capacity.Add(double.NaN);
                    continue;
                }
                existing[k] = true;
            }
        }
        if (hasCapacity)
        {
            var missing = ids.Where((_, k) => double.IsNaN(capacity[k])).ToList();
            if (missing.Count > 0)
            {
                throw new InputFileException(existingPath ?? candidatesPath, null, "capacity", $"no capacity for site(s) {string.Join(", ", missing.Take(10))}");
            }
        }
        return new SiteList([.. ids], [.. names], [.. points], [.. existing], hasCapacity ? [.. capacity] : null);
    }

    /// <summary>Point of each feature of a GeoJSON site file, by feature number (the line numbers of its attribute table).</summary>
    private static Dictionary<int, GeoPoint> FeaturePoints(string path, string? idColumn, InputOptions? input)
    {
        var points = PointFileReader.Read(path, new PointColumns { Id = idColumn, DeduplicateIds = true }, input);
        return points.ToDictionary(p => p.Line, p => p.Point);
    }

    /// <summary>Reads a long or wide matrix with the shared <see cref="TravelMatrixReader"/> (every pair must be present).</summary>
    public static TravelMatrix ReadMatrix(string path, string mode, string layout = "auto", string? origin = null, string? destination = null,
        string? minutes = null, double? noRoute = null, InputOptions? input = null)
    {
        if (!File.Exists(path))
        {
            throw new InputFileException(path, null, null, "matrix file not found");
        }
        if (layout == "auto")
        {
            var table = File.ReadLines(path).FirstOrDefault() ?? "";
            var header = table.Split(',').Select(h => h.Trim().Trim('"').Trim()).ToArray();
            var isLong = header.Contains(minutes ?? "minutes", StringComparer.OrdinalIgnoreCase)
                && header.Contains(destination ?? "destination_id", StringComparer.OrdinalIgnoreCase);
            layout = isLong ? "long" : "wide";
        }
        var spec = new MatrixSpec { File = path, Layout = layout, Origin = origin, Destination = destination, Minutes = minutes, NoRoute = noRoute };
        return layout switch
        {
            "long" => TravelMatrixReader.ReadLong(path, mode, spec, input),
            "wide" => TravelMatrixReader.ReadWide(path, mode, spec, input),
            _ => throw new ArgumentException($"matrix layout '{layout}' must be long, wide or auto", nameof(layout)),
        };
    }

    /// <summary>
    /// Re-orders <paramref name="raw"/> to the given origins (matched by <paramref name="originKeys"/>, reported as
    /// <paramref name="originIds"/>) and sites; throws naming the first missing origins / destinations.
    /// </summary>
    public static TravelMatrix Select(TravelMatrix raw, string matrixPath, IReadOnlyList<string> originKeys, IReadOnlyList<string> originIds,
        IReadOnlyList<string> siteIds, string originFile)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(originKeys);
        ArgumentNullException.ThrowIfNull(siteIds);
        var rowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var o = 0; o < raw.OriginCount; o++)
        {
            rowOf.TryAdd(raw.OriginIds[o], o);
        }
        var columnOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var d = 0; d < raw.DestinationCount; d++)
        {
            columnOf.TryAdd(raw.DestinationIds[d], d);
        }
        var missingOrigins = originKeys.Where(k => !rowOf.ContainsKey(k)).ToList();
        if (missingOrigins.Count > 0)
        {
            throw new InputFileException(matrixPath, null, "origin",
                $"{missingOrigins.Count} of {originKeys.Count} zones/providers in {originFile} are not origins of the matrix, e.g. {string.Join(", ", missingOrigins.Take(5).Select(k => "'" + k + "'"))}; matrix origins look like '{(raw.OriginCount > 0 ? raw.OriginIds[0] : "")}' (use --zone-key name for name-keyed matrices)");
        }
        var missingSites = siteIds.Where(k => !columnOf.ContainsKey(k)).ToList();
        if (missingSites.Count > 0)
        {
            throw new InputFileException(matrixPath, null, "destination",
                $"{missingSites.Count} site(s) are not destinations of the matrix: {string.Join(", ", missingSites.Take(10).Select(k => "'" + k + "'"))}");
        }
        var n = originKeys.Count;
        var m = siteIds.Count;
        var minutes = new double[n * m];
        for (var i = 0; i < n; i++)
        {
            var row = rowOf[originKeys[i]];
            for (var j = 0; j < m; j++)
            {
                minutes[i * m + j] = raw.MinutesAt(row, columnOf[siteIds[j]]);
            }
        }
        return new TravelMatrix(raw.Mode, originIds, siteIds, minutes);
    }
}

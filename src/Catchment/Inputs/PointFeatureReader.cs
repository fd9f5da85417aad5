using System.Globalization;
using Geo.Core;
using Geo.Routing.Geometry;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Esri;

namespace Geo.Catchment.Inputs;

/// <summary>
/// Named points from files as they are published: ESRI shapefiles (.shp with its .dbf and .prj, as ONS publishes the
/// LSOA population-weighted centroids) and GeoPackages (.gpkg, the first feature table). Coordinates in British National
/// Grid (EPSG:27700, from the .prj or the GeoPackage srs_id) are converted to WGS84; EPSG:4326 is read as lon/lat.
/// Geometries must be points (a polygon has no agreed representative point: give population-weighted centroids).
/// The id attribute is the one given, else the first of the usual names (as for CSV) present.
/// </summary>
internal static class PointFeatureReader
{
    public static List<NamedPoint> ReadShapefile(string path, string? idName, IReadOnlyList<string> idNames)
    {
        Feature[] features;
        try
        {
            features = Shapefile.ReadAllFeatures(path);
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or InvalidOperationException or NotSupportedException or FileNotFoundException)
        {
            throw new InputFileException(path, null, null, "cannot read the shapefile: " + ex.Message);
        }
        var prjPath = Path.ChangeExtension(path, ".prj");
        var prj = File.Exists(prjPath) ? File.ReadAllText(prjPath) : null;
        bool? bng = prj is null ? null
            : prj.Contains("British_National_Grid", StringComparison.OrdinalIgnoreCase) || (prj.Contains("OSGB", StringComparison.OrdinalIgnoreCase) && prj.StartsWith("PROJCS", StringComparison.Ordinal)) ? true
            : prj.StartsWith("GEOGCS", StringComparison.Ordinal) && prj.Contains("WGS", StringComparison.OrdinalIgnoreCase) ? false
            : throw new InputFileException(prjPath, null, null, "unsupported coordinate system; use British National Grid (EPSG:27700) or WGS84 (EPSG:4326)");
        if (features.Length == 0)
        {
            throw new InputFileException(path, null, null, "the shapefile has no features");
        }
        var names = features[0].Attributes?.GetNames() ?? [];
        var idField = FindId(path, names, idName, idNames);
        var points = new List<NamedPoint>(features.Length);
        for (var i = 0; i < features.Length; i++)
        {
            var record = i + 1;
            var id = Convert.ToString(features[i].Attributes?[idField], CultureInfo.InvariantCulture)?.Trim();
            if (string.IsNullOrEmpty(id))
            {
                throw new InputFileException(path, record, idField, "empty id");
            }
            var point = ToPoint(path, record, features[i].Geometry, bng);
            points.Add(new NamedPoint(id, point, record));
        }
        return points;
    }

    public static List<NamedPoint> ReadGeoPackage(string path, string? idName, IReadOnlyList<string> idNames)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using var connection = new SqliteConnection(builder.ToString());
        string table, column;
        int srs;
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT table_name, column_name, srs_id FROM gpkg_geometry_columns LIMIT 1";
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                throw new InputFileException(path, null, "gpkg_geometry_columns", "the GeoPackage has no feature table");
            }
            table = reader.GetString(0);
            column = reader.GetString(1);
            srs = reader.GetInt32(2);
        }
        catch (SqliteException ex)
        {
            throw new InputFileException(path, null, null, "cannot read the GeoPackage: " + ex.Message);
        }
        if (srs is not (4326 or 27700))
        {
            throw new InputFileException(path, null, "srs_id", $"EPSG:{srs} is not supported; use EPSG:4326 or EPSG:27700");
        }
        var points = new List<NamedPoint>();
        var geometryReader = new GeoPackageGeoReader();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            using var reader = command.ExecuteReader();
            var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
            var idColumn = Array.FindIndex(names, n => string.Equals(n, FindId(path, names, idName, idNames), StringComparison.Ordinal));
            var geometryColumn = Array.FindIndex(names, n => string.Equals(n, column, StringComparison.OrdinalIgnoreCase));
            var row = 0;
            while (reader.Read())
            {
                row++;
                var id = reader.IsDBNull(idColumn) ? "" : Convert.ToString(reader.GetValue(idColumn), CultureInfo.InvariantCulture)!.Trim();
                if (id.Length == 0)
                {
                    throw new InputFileException(path, row, names[idColumn], "empty id");
                }
                Geometry? geometry = null;
                if (!reader.IsDBNull(geometryColumn))
                {
                    try
                    {
                        geometry = geometryReader.Read((byte[])reader.GetValue(geometryColumn));
                    }
                    catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IOException or ParseException)
                    {
                        throw new InputFileException(path, row, column, "unreadable geometry: " + ex.Message);
                    }
                }
                points.Add(new NamedPoint(id, ToPoint(path, row, geometry, srs == 27700), row));
            }
        }
        if (points.Count == 0)
        {
            throw new InputFileException(path, null, table, "the feature table has no rows");
        }
        return points;
    }

    private static string FindId(string path, IReadOnlyList<string> names, string? idName, IReadOnlyList<string> idNames)
    {
        foreach (var wanted in idName is null ? idNames : [idName])
        {
            var match = names.FirstOrDefault(n => string.Equals(n, wanted, StringComparison.OrdinalIgnoreCase));
            if (match is not null)
            {
                return match;
            }
        }
        throw new InputFileException(path, 1, idName ?? idNames[0],
            $"no id attribute: looked for {(idName is null ? "any of " + string.Join(", ", idNames) : "'" + idName + "'")}; attributes are {string.Join(", ", names)}");
    }

    /// <param name="bng">True: easting/northing; false: lon/lat; null (no .prj): decided by the numbers' range.</param>
    private static GeoPoint ToPoint(string path, int record, Geometry? geometry, bool? bng)
    {
        if (geometry is not Point { IsEmpty: false } p)
        {
            throw new InputFileException(path, record, "geometry",
                $"expected a point, found {geometry?.GeometryType ?? "no geometry"}; give points such as population-weighted centroids");
        }
        var isBng = bng ?? (BritishNationalGrid.IsPlausible(p.X, p.Y) && !new GeoPoint(p.X, p.Y).IsValid);
        var point = isBng ? BritishNationalGrid.ToWgs84(p.X, p.Y) : new GeoPoint(p.X, p.Y);
        if ((isBng && !BritishNationalGrid.IsPlausible(p.X, p.Y)) || !point.IsValid)
        {
            throw new InputFileException(path, record, "geometry", $"({p.X.ToString(CultureInfo.InvariantCulture)}, {p.Y.ToString(CultureInfo.InvariantCulture)}) is not a valid {(isBng ? "British National Grid" : "WGS84")} coordinate");
        }
        return point;
    }
}

using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Geo.Samples.National;

/// <summary>
/// Reads LSOA centroids in British National Grid: a point shapefile (.shp with its .dbf, first text field = code, as the
/// ONS LSOA_PopCentroids_EW_2021 file) or a CSV with LSOA21CD, easting and northing columns (as lsoa21_pwc_gm.csv).
/// Both formats are read directly: a point shapefile is a fixed-size record per point.
/// </summary>
internal static class CentroidReader
{
    public static IReadOnlyList<NationalCentroid> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("centroid file not found", path);
        }
        return Path.GetExtension(path).Equals(".shp", StringComparison.OrdinalIgnoreCase) ? ReadShapefile(path) : ReadCsv(path);
    }

    private static List<NationalCentroid> ReadShapefile(string shpPath)
    {
        var shp = File.ReadAllBytes(shpPath);
        var dbf = File.ReadAllBytes(Path.ChangeExtension(shpPath, ".dbf"));
        var records = BinaryPrimitives.ReadInt32LittleEndian(dbf.AsSpan(4));
        var headerLength = BinaryPrimitives.ReadInt16LittleEndian(dbf.AsSpan(8));
        var recordLength = BinaryPrimitives.ReadInt16LittleEndian(dbf.AsSpan(10));
        var codeLength = dbf[32 + 16];
        var result = new List<NationalCentroid>(records);
        var offset = 100;
        for (var i = 0; i < records && offset < shp.Length; i++)
        {
            var contentBytes = BinaryPrimitives.ReadInt32BigEndian(shp.AsSpan(offset + 4)) * 2;
            var shapeType = BinaryPrimitives.ReadInt32LittleEndian(shp.AsSpan(offset + 8));
            if (shapeType != 1)
            {
                throw new InvalidDataException($"{shpPath}: record {i + 1} is not a point (shape type {shapeType})");
            }
            var x = BinaryPrimitives.ReadDoubleLittleEndian(shp.AsSpan(offset + 12));
            var y = BinaryPrimitives.ReadDoubleLittleEndian(shp.AsSpan(offset + 20));
            var code = Encoding.ASCII.GetString(dbf, headerLength + (i * recordLength) + 1, codeLength).Trim();
            result.Add(new NationalCentroid(code, x, y));
            offset += 8 + contentBytes;
        }
        return result;
    }

    private static List<NationalCentroid> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',').Select(h => h.Trim('"').ToLowerInvariant()).ToList();
        var code = header.FindIndex(h => h is "lsoa21cd" or "lsoa21_code" or "code" or "id");
        var easting = header.IndexOf("easting");
        var northing = header.IndexOf("northing");
        if (code < 0 || easting < 0 || northing < 0)
        {
            throw new InvalidDataException($"{path}: needs LSOA21CD, easting and northing columns");
        }
        var result = new List<NationalCentroid>(lines.Length);
        foreach (var line in lines.Skip(1))
        {
            if (line.Length == 0)
            {
                continue;
            }
            // The files' names may hold commas inside quotes; code, easting and northing come before them or are plain.
            var fields = SplitQuoted(line);
            result.Add(new NationalCentroid(fields[code], double.Parse(fields[easting], CultureInfo.InvariantCulture),
                double.Parse(fields[northing], CultureInfo.InvariantCulture)));
        }
        return result;
    }

    private static List<string> SplitQuoted(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString());
        return fields;
    }
}

using System.Globalization;
using Geo.Routing.Geometry;
using Geo.Routing.Streets;

namespace Geo.Routing.Tests.TestSupport;

/// <summary>The Isle of Wight sample data under ../shared/data/isle-of-wight (see its SOURCES.md).</summary>
public static class IsleOfWight
{
    private static readonly Lock BuildLock = new();
    private static StreetNetwork? _network;

    public static string PbfPath => RepoPaths.RequireSharedData("isle-of-wight", "osm", "iow-filtered.osm.pbf");

    public static string LsoaCentroidsPath => RepoPaths.RequireSharedData("isle-of-wight", "lsoa", "lsoa21_pwc_iow.csv");

    /// <summary>The network built once per test run with the default profiles (ignored when the data is absent).</summary>
    public static StreetNetwork Network
    {
        get
        {
            var path = PbfPath;
            lock (BuildLock)
            {
                return _network ??= StreetNetwork.BuildFromPbf(path);
            }
        }
    }

    /// <summary>The 89 LSOA population-weighted centroids: code, easting, northing, lon, lat.</summary>
    public static IReadOnlyList<(string Code, double Easting, double Northing, GeoPoint Point)> LsoaCentroids()
    {
        var lines = File.ReadAllLines(LsoaCentroidsPath);
        var header = Geo.Routing.Streets.SpeedOverrides.SplitCsvLine(lines[0]);
        int code = header.IndexOf("LSOA21CD"), easting = header.IndexOf("easting"), northing = header.IndexOf("northing");
        int lon = header.IndexOf("lon"), lat = header.IndexOf("lat");
        var rows = new List<(string, double, double, GeoPoint)>();
        foreach (var line in lines.Skip(1))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var cells = Geo.Routing.Streets.SpeedOverrides.SplitCsvLine(line);
            rows.Add((cells[code],
                double.Parse(cells[easting], CultureInfo.InvariantCulture),
                double.Parse(cells[northing], CultureInfo.InvariantCulture),
                new GeoPoint(double.Parse(cells[lon], CultureInfo.InvariantCulture), double.Parse(cells[lat], CultureInfo.InvariantCulture))));
        }
        return rows;
    }
}

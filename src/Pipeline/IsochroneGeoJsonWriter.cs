using System.Text.Json;
using Geo.Core;
using Geo.Routing.Isochrones;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Simplify;

namespace Geo.Pipeline;

/// <summary>
/// Isochrone step 2 (at the output boundary, with NetTopologySuite): mark the cells of a grid (half the buffer wide) whose
/// centre lies within the buffer distance of a reached street segment, in local metres; union the row runs of marked cells
/// (a raster buffer: NTS's exact buffer of thousands of segments takes minutes), simplify, and write a GeoJSON FeatureCollection with one (Multi)Polygon per start point and threshold
/// (properties: id, minutes, mode, status, snap_m), largest first so smaller bands draw on top.
/// </summary>
public static class IsochroneGeoJsonWriter
{
    private const double MetresPerDegreeLat = 110_574.0;
    private const double MetresPerDegreeLonAtEquator = 111_320.0;

    /// <summary>Width drawn either side of each reached street when none is given: 100 m car, 75 m cycle, 50 m walk.</summary>
    public static double DefaultBufferMetres(Geo.Routing.Streets.TravelMode mode) => mode switch
    {
        Geo.Routing.Streets.TravelMode.Car => 100,
        Geo.Routing.Streets.TravelMode.Cycle => 75,
        _ => 50,
    };

    /// <summary>Builds the polygon of one threshold, in WGS84 degrees (empty when nothing was reached).</summary>
    public static Geometry Polygon(ReachedSegments segments, double originLon, double originLat, double bufferMetres)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bufferMetres);
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        if (segments.Count == 0)
        {
            return factory.CreatePolygon();
        }
        var metresPerDegreeLon = MetresPerDegreeLonAtEquator * Math.Cos(originLat * Math.PI / 180);
        var c = segments.Coordinates;
        var lines = new LineString[segments.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            var k = i * 4;
            lines[i] = factory.CreateLineString([
                new Coordinate((c[k] - originLon) * metresPerDegreeLon, (c[k + 1] - originLat) * MetresPerDegreeLat),
                new Coordinate((c[k + 2] - originLon) * metresPerDegreeLon, (c[k + 3] - originLat) * MetresPerDegreeLat),
            ]);
        }
        var polygon = RasterUnion(factory, lines, bufferMetres);
        var simplified = TopologyPreservingSimplifier.Simplify(polygon, bufferMetres / 4);
        if (!simplified.IsValid)
        {
            simplified = GeometryFixer.Fix(simplified);
        }
        // Copy first: a ring may hold one Coordinate instance twice (start = end), which must be moved only once.
        var degrees = simplified.Copy();
        degrees.Apply(new ToDegrees(originLon, originLat, metresPerDegreeLon));
        degrees.GeometryChanged();
        return degrees;
    }

    /// <summary>One feature: a start point's polygon for one threshold, or (null minutes and polygon) a point that did not snap.</summary>
    public sealed record Band(string Id, double? Minutes, Geometry? Polygon, string Status, double? SnapMetres);

    /// <summary>
    /// Writes the bands, largest minutes first (smaller bands draw on top), in point order within a threshold; points that
    /// did not snap last, with a null geometry. Properties: id, minutes, mode, status, snap_m, then <paramref name="extra"/>.
    /// </summary>
    public static void Write(string path, IReadOnlyList<Band> bands, string mode, IReadOnlyList<(string Name, object? Value)>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(bands);
        var collection = new FeatureCollection();
        foreach (var band in bands.OrderByDescending(b => b.Minutes ?? double.NegativeInfinity))
        {
            var attributes = new AttributesTable
            {
                { "id", band.Id }, { "minutes", band.Minutes }, { "mode", mode }, { "status", band.Status }, { "snap_m", band.SnapMetres },
            };
            foreach (var (name, value) in extra ?? [])
            {
                attributes.Add(name, value);
            }
            collection.Add(new Feature(band.Polygon, attributes));
        }
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, collection, options));
    }

    internal static Geometry RasterUnion(GeometryFactory factory, LineString[] lines, double bufferMetres)
    {
        var envelope = new Envelope();
        foreach (var line in lines)
        {
            envelope.ExpandToInclude(line.EnvelopeInternal);
        }
        envelope.ExpandBy(bufferMetres * 1.5);
        var cell = bufferMetres / 2;
        while (envelope.Width / cell * (envelope.Height / cell) > 16_000_000)
        {
            cell *= 1.5;
        }
        var columns = (int)Math.Ceiling(envelope.Width / cell);
        var rows = (int)Math.Ceiling(envelope.Height / cell);
        var marked = new bool[columns * rows];
        var reach = (int)Math.Ceiling(bufferMetres / cell) + 1;
        var squared = bufferMetres * bufferMetres;
        foreach (var line in lines)
        {
            var a = line.GetCoordinateN(0);
            var b = line.GetCoordinateN(1);
            var (dx, dy) = (b.X - a.X, b.Y - a.Y);
            var lengthSquared = (dx * dx) + (dy * dy);
            var c0 = Math.Max(0, (int)((Math.Min(a.X, b.X) - envelope.MinX) / cell) - reach);
            var c1 = Math.Min(columns - 1, (int)((Math.Max(a.X, b.X) - envelope.MinX) / cell) + reach);
            var r0 = Math.Max(0, (int)((Math.Min(a.Y, b.Y) - envelope.MinY) / cell) - reach);
            var r1 = Math.Min(rows - 1, (int)((Math.Max(a.Y, b.Y) - envelope.MinY) / cell) + reach);
            for (var r = r0; r <= r1; r++)
            {
                var y = envelope.MinY + ((r + 0.5) * cell);
                for (var c = c0; c <= c1; c++)
                {
                    var x = envelope.MinX + ((c + 0.5) * cell);
                    var t = lengthSquared == 0 ? 0 : Math.Clamp((((x - a.X) * dx) + ((y - a.Y) * dy)) / lengthSquared, 0, 1);
                    var (ex, ey) = (a.X + (t * dx) - x, a.Y + (t * dy) - y);
                    if ((ex * ex) + (ey * ey) <= squared)
                    {
                        marked[(r * columns) + c] = true;
                    }
                }
            }
        }
        var runs = new List<Geometry>();
        for (var r = 0; r < rows; r++)
        {
            var c = 0;
            while (c < columns)
            {
                if (!marked[(r * columns) + c])
                {
                    c++;
                    continue;
                }
                var start = c;
                while (c < columns && marked[(r * columns) + c])
                {
                    c++;
                }
                runs.Add(factory.ToGeometry(new Envelope(
                    envelope.MinX + (start * cell), envelope.MinX + (c * cell),
                    envelope.MinY + (r * cell), envelope.MinY + ((r + 1) * cell))));
            }
        }
        // OverlayNG with a fixed precision (1 mm) always gives a valid result, also where cells meet only at a corner.
        return runs.Count == 0 ? factory.CreatePolygon() : UnaryUnionNG.Union(factory.BuildGeometry(runs), new PrecisionModel(1000));
    }

    private sealed class ToDegrees(double originLon, double originLat, double metresPerDegreeLon) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (var i = 0; i < seq.Count; i++)
            {
                seq.SetX(i, originLon + (seq.GetX(i) / metresPerDegreeLon));
                seq.SetY(i, originLat + (seq.GetY(i) / MetresPerDegreeLat));
            }
        }
    }
}

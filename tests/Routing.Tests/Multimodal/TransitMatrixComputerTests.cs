using Geo.Core;
using Geo.Routing.Geometry;
using Geo.Routing.Matrices;
using Geo.Routing.Multimodal;
using Geo.Routing.Streets;
using Geo.Routing.Tests.Transit;
using Geo.Routing.Transit.Fares;
using Geo.Routing.Transit.Gtfs;
using Geo.Routing.Transit.Timetable;
using NUnit.Framework;

namespace Geo.Routing.Tests.Multimodal;

[TestFixture]
public sealed class TransitMatrixComputerTests
{
    private const double Lon = -1.3;
    private const double Lat0 = 50.6;
    private const double MetresPerDegreeLat = 111_195.0;
    private const int Vertices = 101; // a 10 km straight street, one vertex every 100 m
    private const double SpeedKmh = 4.8;
    private static readonly DateOnly Tuesday = new(2020, 6, 2);

    private static double LatAt(double metres) => Lat0 + (metres / MetresPerDegreeLat);

    /// <summary>A straight two-way street northwards from (Lon, Lat0); snapping goes to the nearest vertex.</summary>
    private static (ModeGraph Graph, Func<GeoPoint, double, SnapResult> Snap) Street()
    {
        var first = new int[Vertices + 1];
        var target = new List<int>();
        for (var v = 0; v < Vertices; v++)
        {
            if (v > 0)
            {
                target.Add(v - 1);
            }
            if (v < Vertices - 1)
            {
                target.Add(v + 1);
            }
            first[v + 1] = target.Count;
        }
        var ms = (int)Math.Round(100 / (SpeedKmh / 3.6) * 1000);
        var lat = new int[Vertices];
        var lon = new int[Vertices];
        for (var v = 0; v < Vertices; v++)
        {
            lat[v] = (int)Math.Round(LatAt(v * 100) * 1e7);
            lon[v] = (int)Math.Round(Lon * 1e7);
        }
        var graph = new ModeGraph(first, [.. target], Enumerable.Repeat(ms, target.Count).ToArray(), Enumerable.Repeat(100_000, target.Count).ToArray(), lat, lon);
        SnapResult Snap(GeoPoint p, double max)
        {
            if (!p.IsValid)
            {
                return new SnapResult(SnapStatus.InvalidCoordinate, double.NaN, default, [], [], -1, double.NaN);
            }
            var v = (int)Math.Round((p.Lat - Lat0) * MetresPerDegreeLat / 100);
            v = Math.Clamp(v, 0, Vertices - 1);
            var at = new GeoPoint(Lon, LatAt(v * 100));
            var dist = GeoPoint.DistanceMetres(p, at);
            if (dist > max)
            {
                return new SnapResult(SnapStatus.TooFar, dist, default, [], [], -1, double.NaN);
            }
            SnapSeed[] seeds = [new SnapSeed(v, 0, 0)];
            return new SnapResult(SnapStatus.Ok, dist, at, seeds, seeds, 0, 0);
        }
        return (graph, Snap);
    }

    /// <summary>A bus every 10 minutes from 06:00 between the street's 0 m and 5000 m points, 5 minutes each way.</summary>
    private static TransitNetwork Network()
    {
        var b = new TestGtfsBuilder().Stop("S0", LatAt(0), Lon).Stop("S50", LatAt(5000), Lon).Route("BUS", 3).Calendar("S1");
        for (var i = 0; i < 36; i++)
        {
            b.TripAt("N" + i, "BUS", "S1", (6 * 3600) + (i * 600), 300, "S0", "S50");
            b.TripAt("S" + i, "BUS", "S1", (6 * 3600) + (i * 600), 300, "S50", "S0");
        }
        var log = new IssueLog();
        var feed = GtfsReader.Read([new GtfsSource(b.Write(), "t")], log);
        var tt = TimetableBuilder.Build(feed, Tuesday, log);
        var (graph, snap) = Street();
        return TransitNetwork.Build(tt, graph, snap, SpeedKmh);
    }

    private static TransitMatrixRequest Request(params GeoPoint[] destinations) => new()
    {
        Origins = [new GeoPoint(Lon, LatAt(0))],
        Destinations = destinations,
        WindowStartSeconds = 8 * 3600,
        WindowMinutes = 60,
        Percentiles = [25, 50, 75],
        Fares = FareModel.Default,
    };

    [Test]
    public void Compute_BusEveryTenMinutes_PercentilesOfWaitPlusRide()
    {
        var result = TransitMatrixComputer.Compute(Network(), Request(new GeoPoint(Lon, LatAt(5000))));
        // minute departures 08:00..08:59 wait 0,9,8..1 minutes, so times are 5..14 minutes six times each (nearest rank)
        Assert.That(result.MinutesAt(0, 0, 0), Is.EqualTo(7f));
        Assert.That(result.MinutesAt(1, 0, 0), Is.EqualTo(9f));
        Assert.That(result.MinutesAt(2, 0, 0), Is.EqualTo(12f));
        Assert.That(result.Status[0], Is.EqualTo(PairStatus.Ok));
        Assert.That(result.Boardings[0], Is.EqualTo(1));
        Assert.That(result.Interchanges(0), Is.Zero);
        Assert.That(result.InVehicleMinutes[0], Is.EqualTo(5f));
        Assert.That(result.WaitMinutes[0], Is.EqualTo(4f));
        Assert.That(result.AccessWalkMinutes[0] + result.EgressWalkMinutes[0] + result.TransferWalkMinutes[0], Is.Zero);
        Assert.That(result.Fares[0], Is.EqualTo(3f), "England default: GBP 3 bus fare cap");
    }

    [Test]
    public void Compute_ArriveBy_LatestDepartureGivesSameDistribution()
    {
        var request = Request(new GeoPoint(Lon, LatAt(5000))) with { ArriveBySeconds = 9 * 3600 };
        var result = TransitMatrixComputer.Compute(Network(), request);
        // deadlines 08:01..09:00; buses arrive at :05, :15, ...; time needed = 5 + minutes since the last arrival
        Assert.That(result.MinutesAt(0, 0, 0), Is.EqualTo(7f));
        Assert.That(result.MinutesAt(1, 0, 0), Is.EqualTo(9f));
        Assert.That(result.MinutesAt(2, 0, 0), Is.EqualTo(12f));
        Assert.That(result.Boardings[0], Is.EqualTo(1));
    }

    [Test]
    public void Compute_DestinationWithinWalk_WalkOnlyWhenFaster()
    {
        var result = TransitMatrixComputer.Compute(Network(), Request(new GeoPoint(Lon, LatAt(500)), new GeoPoint(Lon, LatAt(5100))));
        var walk = 500 / (SpeedKmh / 3.6) / 60;
        Assert.That(result.MinutesAt(1, 0, 0), Is.EqualTo(walk).Within(1 / 60.0));
        Assert.That(result.Boardings[0], Is.Zero);
        Assert.That(result.Fares[0], Is.Zero);
        // 5100 m: bus then 100 m egress walk (75 s, rounded up to whole seconds)
        Assert.That(result.MinutesAt(1, 0, 1), Is.EqualTo(9 + (75 / 60f)).Within(1e-4));
        Assert.That(result.EgressWalkMinutes[1], Is.EqualTo(75 / 60f).Within(1e-4));
    }

    [Test]
    public void Compute_PointsOffTheNetwork_GetUnsnappedStatus()
    {
        var request = Request(new GeoPoint(Lon + 0.1, LatAt(5000))) with { Origins = [new GeoPoint(Lon, LatAt(0)), new GeoPoint(double.NaN, 0)] };
        var result = TransitMatrixComputer.Compute(Network(), request);
        Assert.That(result.Status[0], Is.EqualTo(PairStatus.DestinationUnsnapped));
        Assert.That(result.Status[1], Is.EqualTo(PairStatus.OriginUnsnapped));
        Assert.That(float.IsNaN(result.MinutesAt(1, 1, 0)), Is.True);
    }

    [Test]
    public void Compute_AnyThreadCount_SameResult()
    {
        var net = Network();
        var dest = Enumerable.Range(0, 20).Select(i => new GeoPoint(Lon, LatAt(i * 500))).ToArray();
        var request = Request(dest) with { Origins = dest };
        var one = TransitMatrixComputer.Compute(net, request with { Threads = 1 });
        var two = TransitMatrixComputer.Compute(net, request with { Threads = 2 });
        Assert.That(two.Minutes, Is.EqualTo(one.Minutes));
        Assert.That(two.Boardings, Is.EqualTo(one.Boardings));
    }
}

using Geo.Core;
using Geo.Routing.Geometry;
using Geo.Routing.Isochrones;
using Geo.Routing.Jobs;
using Geo.Routing.Multimodal;
using Geo.Routing.Search;
using Geo.Routing.Streets;
using Geo.Routing.Tests.TestSupport;
using NUnit.Framework;

namespace Geo.Routing.Tests.Isochrones;

/// <summary>
/// Transit isochrones on the synthetic sample region (data-samples: streets and bus feed) against the transit matrix
/// (<see cref="TransitMatrixRows"/>, itself checked against brute-force RAPTOR): each vertex's time at the percentile equals
/// the matrix's time to a destination placed on that vertex; and road isochrones against a plain Dijkstra.
/// </summary>
[TestFixture]
public sealed class TransitIsochroneTests
{
    private static readonly DateOnly Date = new(2024, 3, 5); // data-samples/scenario.json
    private StreetNetwork _streets = null!;
    private TransitNetwork _transit = null!;

    [OneTimeSetUp]
    public void Load()
    {
        var samples = Path.Combine(RepoPaths.RepoRoot, "data-samples");
        _streets = StreetNetwork.BuildFromPbf(Path.Combine(samples, "region.osm.pbf"));
        _transit = TransitMatrixStage.Link(_streets, [Path.Combine(samples, "bus-gtfs.zip")], Date, new IssueLog());
    }

    private static readonly GeoPoint[] Origins = [new(-1.3484828, 50.3528778), new(-1.1780884, 50.3919084), new(-1.25, 50.37)];

    [TestCase("07:00-08:00", null, 50)]
    [TestCase("07:00-07:30", null, 90)]
    [TestCase(null, "09:00", 25)]
    public void VertexSeconds_EqualTransitMatrixToDestinationsOnThoseVertices(string? departure, string? arriveBy, int percentile)
    {
        var window = DepartureWindow.Parse(departure ?? "07:00-07:01");
        if (arriveBy is not null)
        {
            Assert.That(DepartureWindow.TryArriveBy(arriveBy, 30, out window, out var error), Is.True, error);
        }
        var options = new TransitOptions { Date = Date, Window = window, Percentiles = [percentile], MaxTripMinutes = 75, JourneyDetails = false, Network = _transit };
        var isochrone = new TransitIsochrone(_transit, options, percentile);

        var graph = _transit.WalkGraph;
        var vertices = Enumerable.Range(0, graph.VertexCount).ToArray();
        var points = vertices.Select(v => new GeoPoint(graph.VertexLonE7[v] / 1e7, graph.VertexLatE7[v] / 1e7)).ToArray();
        var rows = new TransitMatrixRows(_transit, new TransitMatrixRequest
        {
            Origins = Origins,
            Destinations = points,
            WindowStartSeconds = window.StartSeconds,
            WindowMinutes = window.Minutes,
            ArriveBySeconds = window.ArriveBySeconds,
            Percentiles = [percentile],
            MaxTripMinutes = 75,
            JourneyDetails = false,
        });
        var matrix = rows.Compute(0, Origins.Length);

        var seconds = new int[graph.VertexCount];
        int reached = 0, unreached = 0, byTransit = 0;
        for (var o = 0; o < Origins.Length; o++)
        {
            Assert.That(rows.OriginSnaps[o].IsOk, Is.True);
            isochrone.VertexSeconds(isochrone.Snap(Origins[o], Snapper.DefaultMaxSnapMetres), seconds);
            for (var d = 0; d < vertices.Length; d++)
            {
                var minutes = matrix.Minutes[(o * vertices.Length) + d];
                var expected = float.IsNaN(minutes) ? TravelTime.Unreached : (int)Math.Round(minutes * 60.0);
                Assert.That(seconds[vertices[d]], Is.EqualTo(expected), $"origin {o}, vertex {vertices[d]}");
                if (expected == TravelTime.Unreached)
                {
                    unreached++;
                }
                else
                {
                    reached++;
                    byTransit += expected > 20 * 60 ? 1 : 0; // beyond the 20-minute walk limit: only by bus
                }
            }
        }
        Assert.That(reached, Is.GreaterThan(200), "the check compares reached vertices");
        Assert.That(unreached, Is.GreaterThan(0), "and unreached ones");
        Assert.That(byTransit, Is.GreaterThan(10), "some only by bus");
    }

    [Test]
    public void Segments_WithinThreshold_StartAtEveryVertexReachedInTime()
    {
        var options = new TransitOptions { Date = Date, Window = DepartureWindow.Parse("07:00-08:00"), Percentiles = [50], MaxTripMinutes = 60, Network = _transit };
        var isochrone = new TransitIsochrone(_transit, options, 50);
        var snap = isochrone.Snap(Origins[0], Snapper.DefaultMaxSnapMetres);
        var seconds = new int[_transit.WalkGraph.VertexCount];
        isochrone.VertexSeconds(snap, seconds);
        var bands = isochrone.Run(snap, [30 * 60_000, 45 * 60_000]);
        for (var b = 0; b < 2; b++)
        {
            var starts = Starts(bands[b]);
            var limit = b == 0 ? 30 * 60 : 45 * 60;
            foreach (var v in Enumerable.Range(0, seconds.Length).Where(v => seconds[v] <= limit && _transit.WalkGraph.FirstEdge[v + 1] > _transit.WalkGraph.FirstEdge[v]))
            {
                var p = (_transit.WalkGraph.VertexLonE7[v] / 1e7, _transit.WalkGraph.VertexLatE7[v] / 1e7);
                Assert.That(starts.Contains(p), Is.True, $"vertex {v} reached in {seconds[v]} s is drawn within {limit} s");
            }
        }
        Assert.That(bands[1].Count, Is.GreaterThan(bands[0].Count));
    }

    [Test]
    public void RoadIsochrone_VerticesDrawn_AreThoseDijkstraReachesInTime()
    {
        var graph = _streets.GetModeGraph(TravelMode.Car);
        var snap = _streets.CreateSnapper(TravelMode.Car, graph).Snap(Origins[1], 1000);
        var bands = IsochroneSearch.Run(graph, snap.SnappedPoint, snap.Outbound, [5 * 60_000]);
        var space = new SearchSpace(graph.VertexCount);
        Dijkstra.Run(graph, snap.Outbound, int.MaxValue - 1, space);
        var starts = Starts(bands[0]);
        var inTime = 0;
        for (var v = 0; v < graph.VertexCount; v++)
        {
            var p = (graph.VertexLonE7[v] / 1e7, graph.VertexLatE7[v] / 1e7);
            if (space.DurationMs(v) <= 5 * 60_000)
            {
                inTime++;
                Assert.That(starts.Contains(p) || graph.FirstEdge[v + 1] == graph.FirstEdge[v], Is.True, $"vertex {v}");
            }
        }
        Assert.That(inTime, Is.GreaterThan(20));
    }

    /// <summary>Both ends of every drawn piece (a piece starts at a reached vertex or at the snapped point).</summary>
    private static HashSet<(double, double)> Starts(ReachedSegments segments)
    {
        var set = new HashSet<(double, double)>();
        var c = segments.Coordinates;
        for (var i = 0; i < c.Length; i += 4)
        {
            set.Add((c[i], c[i + 1]));
            set.Add((c[i + 2], c[i + 3]));
        }
        return set;
    }
}

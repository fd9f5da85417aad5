using Geo.Core;
using Geo.Routing.Matrices;
using Geo.Routing.Multimodal;
using Geo.Routing.Streets;
using Geo.Routing.Tests.Transit;
using Geo.Routing.Transit.Gtfs;
using Geo.Routing.Transit.Timetable;
using NUnit.Framework;

namespace Geo.Routing.Tests.Multimodal;

/// <summary>The r5r Porto Alegre sample (two feeds, quoted empty stop times, stops outside the street extract), on a subset of origins.</summary>
[TestFixture]
[Category("Slow")]
public sealed class PortoAlegreTransitMatrixTests
{
    [Test]
    public void Compute_HexgridSubset_LinksStopsInsideExtractAndReachesMostCells()
    {
        var pbf = TestData.SharedFile("poa/poa_osm.pbf");
        var grid = IsleOfWightTransitMatrixTests.ReadPoints(TestData.SharedFile("poa/poa_hexgrid.csv"), "lon", "lat");
        Assert.That(grid, Has.Count.EqualTo(1227));
        var log = new IssueLog();
        var feed = GtfsReader.Read([new GtfsSource(TestData.SharedFile("poa/poa_eptc.zip")), new GtfsSource(TestData.SharedFile("poa/poa_trensurb.zip"))], log);
        Assert.That(feed.Stops, Has.Count.EqualTo(3986 + 24));
        Assert.That(log.Count(IssueCode.InterpolatedTimes), Is.GreaterThan(1000), "EPTC gives times only at timepoints");
        var tt = TimetableBuilder.Build(feed, new DateOnly(2019, 5, 13), log);
        var network = TransitNetwork.Build(StreetNetwork.BuildFromPbf(pbf), tt);
        // SOURCES.md: 2,470 of 3,986 EPTC stops and 7 of 24 Trensurb stations lie inside the OSM bbox
        Assert.That(network.LinkedStopCount, Is.InRange(2000, 2477 + 100));

        var origins = grid.Where((_, i) => i % 41 == 0).ToArray();
        var result = TransitMatrixComputer.Compute(network, new TransitMatrixRequest
        {
            Origins = origins,
            Destinations = grid,
            WindowStartSeconds = 14 * 3600,
            WindowMinutes = 120,
            Percentiles = [5, 25, 50, 75, 95],
            MaxRides = 3,
            MaxWalkMinutes = 12.5,
            MaxTripMinutes = 120,
            JourneyDetails = false,
        });
        var ok = result.Status.Count(s => s == PairStatus.Ok);
        TestContext.Out.WriteLine($"ok {ok} of {result.PairCount}");
        Assert.That(ok, Is.GreaterThan(result.PairCount * 0.5));
        for (var i = 0; i < result.PairCount; i++)
        {
            var previous = 0f;
            for (var p = 0; p < 5; p++)
            {
                var v = result.Minutes[(p * result.PairCount) + i];
                if (float.IsNaN(v))
                {
                    break;
                }
                Assert.That(v, Is.GreaterThanOrEqualTo(previous).And.LessThanOrEqualTo(120));
                previous = v;
            }
        }
    }
}

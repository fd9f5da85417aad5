using System.Globalization;
using Geo.Core;
using Geo.Routing.Geometry;
using Geo.Routing.Matrices;
using Geo.Routing.Multimodal;
using Geo.Routing.Search;
using Geo.Routing.Streets;
using Geo.Routing.Tests.Transit;
using Geo.Routing.Transit.Fares;
using Geo.Routing.Transit.Gtfs;
using Geo.Routing.Transit.Timetable;
using NUnit.Framework;

namespace Geo.Routing.Tests.Multimodal;

/// <summary>End to end on the Isle of Wight: 89 LSOA centroids to St Mary's Hospital and the GP practices, 2020-06-02 07:00-10:00.</summary>
[TestFixture]
[Category("Slow")]
public sealed class IsleOfWightTransitMatrixTests
{
    internal static List<GeoPoint> ReadPoints(string path, string lonColumn, string latColumn, Func<GtfsCsvReader, bool>? keep = null)
    {
        var r = new GtfsCsvReader(path, File.ReadAllText(path));
        var lon = r.RequiredColumn(lonColumn);
        var lat = r.RequiredColumn(latColumn);
        var list = new List<GeoPoint>();
        while (r.ReadRow())
        {
            if (keep is null || keep(r))
            {
                list.Add(new GeoPoint(double.Parse(r[lon], CultureInfo.InvariantCulture), double.Parse(r[lat], CultureInfo.InvariantCulture)));
            }
        }
        return list;
    }

    [Test]
    public void Compute_LsoasToHospitalAndGps_MostReachableAndConsistent()
    {
        var lsoa = TestData.SharedFile("isle-of-wight/lsoa/lsoa21_pwc_iow.csv");
        var hospitals = TestData.SharedFile("isle-of-wight/sites/nhs_choices_2014_hospitals_iow_solent.csv");
        var gps = TestData.SharedFile("isle-of-wight/sites/nhs_choices_2014_gp_practices_iow.csv");
        var origins = ReadPoints(lsoa, "lon", "lat");
        var destinations = ReadPoints(hospitals, "Longitude", "Latitude", r => r[r.Column("OrganisationCode")] == "R1F01");
        destinations.AddRange(ReadPoints(gps, "Longitude", "Latitude"));
        Assert.That(origins, Has.Count.EqualTo(89));
        Assert.That(destinations, Has.Count.EqualTo(10));

        var network = IsleOfWightNetwork.Get();
        Assert.That(network.LinkedStopCount, Is.GreaterThan(1000));

        var request = new TransitMatrixRequest
        {
            Origins = origins,
            Destinations = destinations,
            WindowStartSeconds = 7 * 3600,
            WindowMinutes = 180,
            Percentiles = [25, 50, 75],
            Fares = FareModel.Default,
        };
        var result = TransitMatrixComputer.Compute(network, request);

        var ok = 0;
        var walkOnly = 0;
        var withInterchange = 0;
        var graph = network.WalkGraph;
        var space = new SearchSpace(graph.VertexCount);
        for (var o = 0; o < origins.Count; o++)
        {
            for (var d = 0; d < destinations.Count; d++)
            {
                var pair = result.Pair(o, d);
                if (result.Status[pair] != PairStatus.Ok)
                {
                    continue;
                }
                ok++;
                var p25 = result.MinutesAt(0, o, d);
                var p50 = result.MinutesAt(1, o, d);
                var p75 = result.MinutesAt(2, o, d);
                Assert.That(p25, Is.GreaterThan(0), $"pair {o}->{d}");
                if (float.IsNaN(p50))
                {
                    Assert.That(float.IsNaN(p75), Is.True, "a percentile above an unreachable one is unreachable");
                    continue;
                }
                Assert.That(p25, Is.LessThanOrEqualTo(p50));
                if (!float.IsNaN(p75))
                {
                    Assert.That(p50, Is.LessThanOrEqualTo(p75));
                }
                Assert.That(result.Boardings[pair], Is.GreaterThanOrEqualTo(0));
                Assert.That(result.Interchanges(pair), Is.GreaterThanOrEqualTo(0));
                var parts = result.AccessWalkMinutes[pair] + result.WaitMinutes[pair] + result.InVehicleMinutes[pair] + result.TransferWalkMinutes[pair] + result.EgressWalkMinutes[pair];
                Assert.That(parts, Is.EqualTo(p50).Within(0.02), $"breakdown of pair {o}->{d} adds up to the median");
                if (result.Boardings[pair] == 0)
                {
                    walkOnly++;
                    // walk-only journeys equal an independent walk Dijkstra between the snapped points (within rounding)
                    var os = result.OriginSnaps[o];
                    var ds = result.DestinationSnaps[d];
                    Dijkstra.Run(graph, os.Outbound, int.MaxValue / 4, space);
                    var best = int.MaxValue;
                    foreach (var seed in ds.Inbound)
                    {
                        var v = space.DurationMs(seed.Vertex);
                        if (v != TravelTime.Unreached)
                        {
                            best = Math.Min(best, v + seed.DurationMs);
                        }
                    }
                    var walkMinutes = (best + network.OffStreetMs(os) + network.OffStreetMs(ds)) / 60000.0;
                    Assert.That(p50, Is.EqualTo(walkMinutes).Within(1.0 / 60), $"walk-only pair {o}->{d}");
                    Assert.That(result.Fares[pair], Is.Zero);
                }
                else
                {
                    Assert.That(result.Fares[pair], Is.GreaterThan(0));
                    Assert.That(result.InVehicleMinutes[pair], Is.GreaterThanOrEqualTo(0), "GTFS may give two consecutive stops the same minute");
                }
                if (result.Interchanges(pair) > 0)
                {
                    withInterchange++;
                }
            }
        }
        var pairs = origins.Count * destinations.Count;
        TestContext.Out.WriteLine($"ok {ok}/{pairs}, walk-only medians {walkOnly}, with interchange {withInterchange}");
        Assert.That(ok, Is.GreaterThan(pairs * 0.8), "most pairs reachable");
        Assert.That(walkOnly, Is.GreaterThan(0), "walking is used where it is faster");
        Assert.That(withInterchange, Is.GreaterThan(0), "some journeys need an interchange");
    }

    [Test]
    public void Breakdown_FromRangeState_AgreesWithFreshRunPerDeparture()
    {
        // 89 x 89 LSOAs, 3-hour window: the median journeys read from the replayed range-RAPTOR state against the
        // reference, one fresh RAPTOR run at each pair's median departure. Times, boardings (fewest rides for the
        // earliest arrival) and egress (the best egress stop) must be equal; where journeys tie on arrival the range
        // state may hold one leaving the origin later (less walking or waiting at stops), so the other legs may differ
        // but must still add up to the median.
        var points = ReadPoints(TestData.SharedFile("isle-of-wight/lsoa/lsoa21_pwc_iow.csv"), "lon", "lat");
        var network = IsleOfWightNetwork.Get();
        var request = new TransitMatrixRequest
        {
            Origins = points,
            Destinations = points,
            WindowStartSeconds = 7 * 3600,
            WindowMinutes = 180,
            Percentiles = [50],
            Fares = FareModel.Default,
        };
        var range = TransitMatrixComputer.Compute(network, request);
        var reference = TransitMatrixComputer.Compute(network, request with { BreakdownBySingleRuns = true });

        Assert.That(range.Minutes, Is.EqualTo(reference.Minutes));
        Assert.That(range.Status, Is.EqualTo(reference.Status));
        Assert.That(range.Boardings, Is.EqualTo(reference.Boardings));
        Assert.That(range.EgressWalkMinutes, Is.EqualTo(reference.EgressWalkMinutes));
        var transit = 0;
        var otherLegs = 0;
        for (var pair = 0; pair < range.PairCount; pair++)
        {
            if (range.Status[pair] != PairStatus.Ok || range.Boardings[pair] == 0)
            {
                continue;
            }
            transit++;
            var parts = range.AccessWalkMinutes[pair] + range.WaitMinutes[pair] + range.InVehicleMinutes[pair] + range.TransferWalkMinutes[pair] + range.EgressWalkMinutes[pair];
            Assert.That(parts, Is.EqualTo(range.Minutes[pair]).Within(0.02), $"pair {pair} adds up to the median: {Legs(range, pair)}; reference {Legs(reference, pair)}");
            Assert.That(range.WaitMinutes[pair], Is.GreaterThanOrEqualTo(0));
            Assert.That(range.Fares[pair], Is.GreaterThan(0));
            if (range.AccessWalkMinutes[pair] != reference.AccessWalkMinutes[pair] || range.InVehicleMinutes[pair] != reference.InVehicleMinutes[pair])
            {
                otherLegs++;
            }
        }
        TestContext.Out.WriteLine($"{transit} median journeys by transit, {otherLegs} on other (tied) legs than the reference");
        Assert.That(transit, Is.GreaterThan(1000), "the comparison covers many transit journeys");
    }

    private static string Legs(TransitMatrixResult r, int pair) =>
        $"access {r.AccessWalkMinutes[pair]}, wait {r.WaitMinutes[pair]}, ride {r.InVehicleMinutes[pair]}, transfer {r.TransferWalkMinutes[pair]}, egress {r.EgressWalkMinutes[pair]}, boardings {r.Boardings[pair]}";
}

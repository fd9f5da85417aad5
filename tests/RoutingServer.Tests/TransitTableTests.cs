using System.Globalization;
using System.Net;
using System.Text.Json;
using Geo.Core;
using Geo.Routing.Geometry;
using Geo.Routing.Jobs;
using Geo.Routing.Output;
using Geo.Routing.Transit.Fares;
using NUnit.Framework;
using Geo.RoutingServer.Engines;

namespace Geo.RoutingServer.Tests;

/// <summary>
/// The transit table (/table/v1/transit/...) on the sample region's bus feed against the library matrix that
/// <c>geo matrix --mode transit</c> computes (MatrixPipeline, reading the GTFS itself): every duration, every column, every status.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class TransitTableTests : ServerFixture
{
    private static readonly DateOnly Date = new(2024, 3, 5); // data-samples/scenario.json
    private static string Gtfs => Path.Combine(SampleServer.RepoRoot, "data-samples", "bus-gtfs.zip");
    private GeoPoint[] _zones = null!;
    private GeoPoint[] _sites = null!;

    [OneTimeSetUp]
    public void LoadTransit()
    {
        SampleServer.Engine.Transit = TransitEngine.Load(SampleServer.Network, [Gtfs], Date, new IssueLog());
        _zones = [.. SampleServer.Zones().Take(24)];
        _sites = [.. SampleServer.Sites()];
    }

    [OneTimeTearDown]
    public void UnloadTransit() => SampleServer.Engine.Transit = null;

    [TestCase("departure=07:00-08:00&percentiles=25,50,75", "07:00-08:00", null, 25, 50, 75)]
    [TestCase("arrive_by=09:30&window=30&percentiles=10;90", null, "09:30", 10, 90)]
    public async Task TransitTable_ZonesToSites_EqualsLibraryMatrix(string query, string? departure, string? arriveBy, params int[] percentiles)
    {
        var url = $"table/v1/transit/{SampleServer.CoordinateList(_zones.Concat(_sites))}?sources={Range(0, _zones.Length)}"
            + $"&destinations={Range(_zones.Length, _sites.Length)}&{query}";
        var (status, json) = await GetAsync(url);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), json.ToString());

        var window = departure is not null ? DepartureWindow.Parse(departure)
            : DepartureWindow.TryArriveBy(arriveBy, 30, out var w, out _) ? w : throw new AssertionException("arrive-by");
        var expected = LibraryMatrix(window, percentiles);
        AssertEqual(json, expected, _zones.Length, _sites.Length);

        // Not a vacuous comparison: most pairs are reached, some by bus, and the percentiles differ somewhere.
        var ok = expected.Status.Count(s => s == PairStatus.Ok);
        Assert.That(ok, Is.GreaterThan(expected.Status.Length / 2), "pairs reached");
        var boardings = expected.Extra[expected.Layout!.ExtraColumns.ToList().FindIndex(c => c.Name == "boardings")];
        Assert.That(boardings.Count(b => b >= 1), Is.GreaterThan(0), "journeys that ride a bus");
        var first = expected.Extra[0];
        var last = expected.Extra[percentiles.Length - 1];
        Assert.That(Enumerable.Range(0, first.Length).Count(i => first[i] != last[i] && !double.IsNaN(first[i])), Is.GreaterThan(0), "percentiles differ");
    }

    [Test]
    public async Task TransitTable_PostBody_SameAsGet()
    {
        var points = _zones.Take(5).Concat(_sites.Take(3)).ToArray();
        var get = await GetAsync($"table/v1/transit/{SampleServer.CoordinateList(points)}?sources=0;1;2;3;4&destinations=5;6;7&departure=08:00-08:30");
        var body = JsonSerializer.Serialize(new
        {
            coordinates = points.Select(p => new[] { p.Lon, p.Lat }),
            sources = new[] { 0, 1, 2, 3, 4 },
            destinations = new[] { 5, 6, 7 },
            departure = "08:00-08:30",
        });
        var post = await PostAsync("table/v1/transit", body);
        Assert.That(post.Status, Is.EqualTo(HttpStatusCode.OK), post.Json.ToString());
        Assert.That(post.Json.ToString(), Is.EqualTo(get.Json.ToString()));
    }

    [TestCase("route/v1/transit/{0}", "NotImplemented")]
    [TestCase("table/v1/transit/{0}?annotations=duration,distance", "InvalidQuery")]
    [TestCase("table/v1/transit/{0}?departure=10:00-09:00", "InvalidValue")]
    [TestCase("table/v1/transit/{0}?departure=07:00-08:00&arrive_by=09:00", "InvalidQuery")]
    [TestCase("table/v1/transit/{0}?percentiles=75,25", "InvalidValue")]
    [TestCase("table/v1/transit/{0}?fallback_speed=10", "InvalidQuery")]
    [TestCase("table/v1/transit/{0}?radiuses=100;100", "NotImplemented")]
    [TestCase("table/v1/transit/{0};-2.5,49.9", "NoSegment")]
    public async Task TransitTable_BadRequest_OsrmError(string url, string code) =>
        AssertError(await GetAsync(string.Format(CultureInfo.InvariantCulture, url, SampleServer.CoordinateList(_zones.Take(2)))), code);

    [Test]
    public async Task TransitTable_ServerWithoutGtfs_NotImplemented()
    {
        var transit = SampleServer.Engine.Transit;
        SampleServer.Engine.Transit = null;
        try
        {
            AssertError(await GetAsync($"table/v1/transit/{SampleServer.CoordinateList(_zones.Take(2))}"), "NotImplemented");
        }
        finally
        {
            SampleServer.Engine.Transit = transit;
        }
    }

    /// <summary>What geo matrix --mode transit computes for these points: the pipeline reads the GTFS and links it itself.</summary>
    private MatrixCollector LibraryMatrix(DepartureWindow window, int[] percentiles)
    {
        var job = new MatrixJob
        {
            Mode = MatrixMode.Transit,
            Network = SampleServer.Network,
            Origins = [.. _zones.Select((p, i) => new MatrixPoint(i.ToString(CultureInfo.InvariantCulture), p))],
            Destinations = [.. _sites.Select((p, i) => new MatrixPoint(i.ToString(CultureInfo.InvariantCulture), p))],
            MaxSnapMetres = new RoutingServerOptions().MaxSnapMetres,
            Transit = new TransitOptions { Gtfs = [Gtfs], Date = Date, Window = window, Percentiles = percentiles, Fares = FareModel.Default },
        };
        var collector = new MatrixCollector();
        MatrixPipeline.Run(job, collector, sinkHoldsWholeTable: true);
        return collector;
    }

    private static void AssertEqual(JsonElement json, MatrixCollector expected, int sources, int destinations)
    {
        var durations = json.GetProperty("durations");
        var columns = json.GetProperty("columns");
        var names = columns.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.That(names, Is.EqualTo(new[] { "minutes" }.Concat(expected.Layout!.ExtraColumns.Select(c => c.Name)).Append("status")));
        Assert.That(durations.GetArrayLength(), Is.EqualTo(sources));
        for (var s = 0; s < sources; s++)
        {
            Assert.That(durations[s].GetArrayLength(), Is.EqualTo(destinations));
            for (var d = 0; d < destinations; d++)
            {
                var pair = (s * destinations) + d;
                var where = $"{s}->{d}";
                Assert.That(columns.GetProperty("status")[s][d].GetString(), Is.EqualTo(expected.Status[pair].ToCode()), "status " + where);
                if (expected.Status[pair] == PairStatus.Ok)
                {
                    Assert.That(durations[s][d].GetDouble(), Is.EqualTo(Math.Round(expected.Minutes[pair] * 60_000) / 1000), "duration s " + where);
                }
                else
                {
                    Assert.That(durations[s][d].ValueKind, Is.EqualTo(JsonValueKind.Null), "duration " + where);
                }
                AssertValue(columns.GetProperty("minutes")[s][d], expected.Minutes[pair], MatrixCsvSink.MinutesDecimals, "minutes " + where);
                for (var c = 0; c < expected.Extra.Length; c++)
                {
                    var spec = expected.Layout.ExtraColumns[c];
                    AssertValue(columns.GetProperty(spec.Name)[s][d], expected.Extra[c][pair], spec.Decimals, spec.Name + " " + where);
                }
            }
        }
        Assert.That(json.GetProperty("sources").GetArrayLength(), Is.EqualTo(sources));
        Assert.That(json.GetProperty("destinations").GetArrayLength(), Is.EqualTo(destinations));
    }

    /// <summary>The number as geo matrix writes it (Math.Round to the column's decimals), null for an empty cell.</summary>
    private static void AssertValue(JsonElement cell, double expected, int decimals, string what)
    {
        if (double.IsNaN(expected))
        {
            Assert.That(cell.ValueKind, Is.EqualTo(JsonValueKind.Null), what);
        }
        else
        {
            Assert.That(cell.GetDouble(), Is.EqualTo(Math.Round(expected, decimals)), what);
        }
    }

    private static string Range(int start, int count) => string.Join(';', Enumerable.Range(start, count));
}

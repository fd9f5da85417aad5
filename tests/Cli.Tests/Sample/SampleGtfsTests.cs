using NUnit.Framework;
using System.Globalization;
using System.IO.Compression;
using Geo.Samples;
using OsmSharp;
using OsmSharp.Streams;

namespace Geo.Cli.Tests.Sample;

[TestFixture]
public sealed class SampleGtfsTests
{
    private Dictionary<string, List<Dictionary<string, string>>> _tables = null!;

    [OneTimeSetUp]
    public void ReadFeed()
    {
        _tables = new(StringComparer.Ordinal);
        using var zip = ZipFile.OpenRead(SampleOutput.File(SampleGenerator.GtfsFile));
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            _tables[entry.FullName] = SampleOutput.ReadCsv(reader.ReadToEnd());
        }
    }

    [Test]
    public void Zip_HasEveryExpectedFile()
    {
        foreach (var name in (string[])["agency.txt", "stops.txt", "routes.txt", "trips.txt", "stop_times.txt", "calendar.txt", "calendar_dates.txt", "frequencies.txt"])
        {
            Assert.That(_tables.ContainsKey(name), Is.True, name);
            Assert.That(_tables[name], Is.Not.Empty, name);
        }
    }

    [Test]
    public void StopTimes_HaveTripPastMidnight()
    {
        Assert.That(_tables["stop_times.txt"].Any(r => Seconds(r["departure_time"]) >= 24 * 3600), Is.True);
        Assert.That(_tables["stop_times.txt"].Any(r => r["departure_time"] == "24:35:00"), Is.True);
    }

    [Test]
    public void StopTimes_IncreaseAlongEveryTripAndReferenceKnownStopsAndTrips()
    {
        var stops = _tables["stops.txt"].Select(r => r["stop_id"]).ToHashSet();
        var trips = _tables["trips.txt"].Select(r => r["trip_id"]).ToHashSet();
        Assert.That(trips, Has.Count.EqualTo(_tables["trips.txt"].Count), "trip ids unique");
        foreach (var group in _tables["stop_times.txt"].GroupBy(r => r["trip_id"]))
        {
            Assert.That(trips, Does.Contain(group.Key));
            var times = group.OrderBy(r => int.Parse(r["stop_sequence"], CultureInfo.InvariantCulture)).Select(r => Seconds(r["arrival_time"])).ToList();
            Assert.That(times, Is.Ordered.Ascending, group.Key);
            Assert.That(times[^1], Is.GreaterThan(times[0]), group.Key);
            Assert.That(group.All(r => stops.Contains(r["stop_id"])), Is.True, group.Key);
        }
        Assert.That(_tables["trips.txt"].All(t => _tables["stop_times.txt"].Any(s => s["trip_id"] == t["trip_id"])), Is.True);
    }

    [Test]
    public void Frequencies_HaveRowsForAnExistingTrip()
    {
        var trips = _tables["trips.txt"].Select(r => r["trip_id"]).ToHashSet();
        Assert.That(_tables["frequencies.txt"], Has.Count.GreaterThanOrEqualTo(1));
        foreach (var row in _tables["frequencies.txt"])
        {
            Assert.That(trips, Does.Contain(row["trip_id"]));
            Assert.That(Seconds(row["end_time"]), Is.GreaterThan(Seconds(row["start_time"])));
            Assert.That(int.Parse(row["headway_secs"], CultureInfo.InvariantCulture), Is.GreaterThan(0));
        }
    }

    [Test]
    public void Calendar_ServiceDateIsActiveWeekdayAndBankHolidayIsRemovedAndAdded()
    {
        var weekday = _tables["calendar.txt"].Single(r => r["service_id"] == "WKDY");
        Assert.That(weekday["start_date"], Is.EqualTo("20240101"));
        Assert.That(weekday["end_date"], Is.EqualTo("20241231"));
        Assert.That(weekday["tuesday"], Is.EqualTo("1"));
        Assert.That(weekday["saturday"], Is.EqualTo("0"));
        Assert.That(DateTime.ParseExact(GtfsFeedWriter.ServiceDate, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayOfWeek, Is.EqualTo(DayOfWeek.Tuesday));
        var dates = _tables["calendar_dates.txt"];
        Assert.That(dates.Any(r => r["service_id"] == "WKDY" && r["date"] == "20240506" && r["exception_type"] == "2"), Is.True);
        Assert.That(dates.Any(r => r["service_id"] == "SUN" && r["date"] == "20240506" && r["exception_type"] == "1"), Is.True);
        Assert.That(dates.Any(r => r["date"] == "20240305"), Is.False, "the service date is an ordinary weekday");
        var weekdayTrips = _tables["trips.txt"].Count(r => r["service_id"] == "WKDY");
        Assert.That(weekdayTrips, Is.GreaterThan(100));
    }

    [Test]
    public void Stops_LieExactlyOnRoadNodes()
    {
        var wayNodes = new HashSet<long>();
        var coordinates = new Dictionary<long, (double Lon, double Lat)>();
        using (var stream = File.OpenRead(SampleOutput.File(SampleGenerator.OsmFile)))
        {
            foreach (var geo in new PBFOsmStreamSource(stream))
            {
                if (geo is Node n)
                {
                    coordinates[n.Id!.Value] = (n.Longitude!.Value, n.Latitude!.Value);
                }
                else if (geo is Way w)
                {
                    wayNodes.UnionWith(w.Nodes);
                }
            }
        }
        foreach (var stop in _tables["stops.txt"])
        {
            var lon = double.Parse(stop["stop_lon"], CultureInfo.InvariantCulture);
            var lat = double.Parse(stop["stop_lat"], CultureInfo.InvariantCulture);
            var onNode = wayNodes.Any(id => Math.Abs(coordinates[id].Lon - lon) < 2e-7 && Math.Abs(coordinates[id].Lat - lat) < 2e-7);
            Assert.That(onNode, Is.True, stop["stop_id"]);
        }
    }

    private static int Seconds(string clock)
    {
        var parts = clock.Split(':');
        return int.Parse(parts[0], CultureInfo.InvariantCulture) * 3600 + int.Parse(parts[1], CultureInfo.InvariantCulture) * 60 + int.Parse(parts[2], CultureInfo.InvariantCulture);
    }
}

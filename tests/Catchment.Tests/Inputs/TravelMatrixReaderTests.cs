using Geo.Catchment.Inputs;
using Geo.Catchment.Reports;
using Geo.Catchment.Scenarios;
using Geo.Catchment.Tests.Scenarios;
using Geo.Core;
using Geo.Routing.Geometry;
using NUnit.Framework;

namespace Geo.Catchment.Tests.Inputs;

[TestFixture]
public sealed class TravelMatrixReaderTests
{
    [Test]
    public void ReadLong_GeoMatrixOutput_ReadsAllColumnsAndStatuses()
    {
        var folder = TestFiles.NewFolder();
        var path = TestFiles.Write(folder, "m.csv", """
            origin_id,destination_id,minutes,km,snap_metres,status,interchanges,fare_gbp
            A,S1,12.5,4.2,10,ok,1,2.8
            A,S2,,,10,unreachable,,
            B,S1,,,,origin_unsnapped,,
            B,S2,,,,origin_unsnapped,,
            C,S1,3,,,ok,,
            C,S2,,,,destination_unsnapped,,
            """);
        var m = TravelMatrixReader.ReadLong(path, "transit");
        Assert.Multiple(() =>
        {
            Assert.That(m.OriginIds, Is.EqualTo(new[] { "A", "B", "C" }));
            Assert.That(m.DestinationIds, Is.EqualTo(new[] { "S1", "S2" }));
            Assert.That(m.Minutes[0], Is.EqualTo(12.5));
            Assert.That(m.Minutes[1], Is.NaN);
            Assert.That(m.Kilometres![0], Is.EqualTo(4.2));
            Assert.That(m.Interchanges![0], Is.EqualTo(1));
            Assert.That(m.Fares![0], Is.EqualTo(2.8));
            Assert.That(m.UnsnappedOrigins, Is.EqualTo(new[] { false, true, false }));
            Assert.That(m.UnsnappedDestinations, Is.EqualTo(new[] { false, false }));
        });
    }

    [Test]
    public void ReadLong_DuplicatePair_ErrorNamesBothLines()
    {
        var path = TestFiles.Write(TestFiles.NewFolder(), "m.csv", "origin_id,destination_id,minutes\nA,S1,1\nA,S1,2\n");
        var error = Assert.Throws<InputFileException>(() => TravelMatrixReader.ReadLong(path, "car"))!;
        Assert.That(error.Line, Is.EqualTo(3));
        Assert.That(error.Message, Does.Contain("first at line 2"));
    }

    [Test]
    public void WriteThenRead_RoundTrips()
    {
        var matrix = new TravelMatrix("car", ["A", "B,C"], ["S1"], [1.25, double.NaN]) { Kilometres = [2, double.NaN], UnsnappedOrigins = [false, true] };
        var path = Path.Combine(TestFiles.NewFolder(), "car.csv");
        MatrixCsvWriter.Write(path, matrix);
        var back = TravelMatrixReader.ReadLong(path, "car");
        Assert.Multiple(() =>
        {
            Assert.That(back.OriginIds, Is.EqualTo(matrix.OriginIds));
            Assert.That(back.Minutes, Is.EqualTo(matrix.Minutes));
            Assert.That(back.Kilometres, Is.EqualTo(matrix.Kilometres));
            Assert.That(back.UnsnappedOrigins, Is.EqualTo(matrix.UnsnappedOrigins));
        });
    }

    [Test]
    public void Read_WideKeyedByZoneNameAndSiteName_RekeysToIds()
    {
        var folder = TestFiles.NewFolder();
        var path = TestFiles.Write(folder, "wide.csv", "from_id,Site Two,Site One\nZone B,5,9999\nZone A,7,8\n");
        var zones = new ZoneTable(["a", "b"], ["Zone A", "Zone B"], [new GeoPoint(0, 51), new GeoPoint(0, 51)], [1.0, 1.0]);
        var sites = new SiteTable([new Site("s1", "Site One", new GeoPoint(0, 51)), new Site("s2", "Site Two", new GeoPoint(0, 51))]);
        var spec = new MatrixSpec { File = path, Layout = "wide", OriginKey = "name", DestinationKey = "name", NoRoute = 9999 };
        var m = TravelMatrixReader.Read(spec, "car", p => p, zones, sites);
        Assert.Multiple(() =>
        {
            Assert.That(m.OriginIds, Is.EqualTo(new[] { "b", "a" }));
            Assert.That(m.DestinationIds, Is.EqualTo(new[] { "s2", "s1" }));
            Assert.That(m.Minutes[1], Is.NaN);
            Assert.That(m.Minutes[2], Is.EqualTo(7));
        });
    }

    [Test]
    public void ReadWide_ShortRow_ErrorNamesPair()
    {
        var path = TestFiles.Write(TestFiles.NewFolder(), "wide.csv", "from_id,S1,S2\nA,1,2\nB,3\n");
        var error = Assert.Throws<InputFileException>(() => TravelMatrixReader.ReadWide(path, "car"))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Line, Is.EqualTo(3));
            Assert.That(error.Field, Is.EqualTo("S2"));
            Assert.That(error.Message, Does.Contain("origin 'B' ends before destination 'S2'"));
        });
    }

    /// <summary>geo matrix --wide leaves a pair with no route empty (never 0): reading its own output back gives no route.</summary>
    [Test]
    public void ReadWide_EmptyCellAsGeoMatrixWritesIt_IsNoRoute()
    {
        var path = TestFiles.Write(TestFiles.NewFolder(), "wide.csv", "origin_id,S1,S2\nA,1.5,\nB,,4\n");
        var m = TravelMatrixReader.ReadWide(path, "car");
        Assert.Multiple(() =>
        {
            Assert.That(m.OriginIds, Is.EqualTo(new[] { "A", "B" }));
            Assert.That(m.Minutes[0], Is.EqualTo(1.5));
            Assert.That(m.Minutes[1], Is.NaN);
            Assert.That(m.Minutes[2], Is.NaN);
            Assert.That(m.Minutes[3], Is.EqualTo(4));
        });
    }

    /// <summary>
    /// The streamed wide reader sizes its array from the line count: a quoted id with a line break (fewer records than
    /// lines), a repeated origin (row skipped) and a file without a final newline all give exactly the rows read.
    /// </summary>
    [Test]
    public void ReadWide_RecordsFewerThanLines_ExactRowsInFileOrder()
    {
        var path = TestFiles.Write(TestFiles.NewFolder(), "wide.csv", "from_id,S1,S2\n\"A\nline\",1,2\nB,3,4.5\nB,9,9\nC,5,6");
        var input = new InputOptions { Issues = new IssueLog(int.MaxValue, strict: false) };
        var m = TravelMatrixReader.ReadWide(path, "car", input: input);
        Assert.Multiple(() =>
        {
            Assert.That(m.OriginIds, Is.EqualTo(new[] { "A\nline", "B", "C" }));
            Assert.That(m.DestinationIds, Is.EqualTo(new[] { "S1", "S2" }));
            Assert.That(m.Minutes, Is.EqualTo(new[] { 1, 2, 3, 4.5, 5, 6 }));
            Assert.That(input.Issues.TotalCount, Is.EqualTo(1), "the repeated origin B is logged");
        });
    }
}

using Geo.Catchment.Inputs;
using Geo.Core;
using Geo.Routing.Geometry;
using NUnit.Framework;

namespace Geo.Catchment.Tests.Inputs;

[TestFixture]
public sealed class PointFileReaderTests
{
    private string _folder = string.Empty;

    [SetUp]
    public void SetUp()
    {
        _folder = Path.Combine(Path.GetTempPath(), "geo-pfr-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string DataPath(params string[] parts)
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Geo.sln")))
        {
            dir = dir.Parent;
        }
        var root = dir?.FullName ?? TestContext.CurrentContext.TestDirectory;
        var path = Path.Combine([root, "..", "shared", "data", .. parts]);
        if (!File.Exists(path))
        {
            Assert.Ignore("data not found: " + path);
        }
        return path;
    }

    [Test]
    public void Read_LonLatColumns_ReturnsPointsWithLines()
    {
        var path = Write("a.csv", "id,lon,lat\nA,-1.5,50.7\n\"B\",\"-1.25\",50.5\n");
        var points = PointFileReader.Read(path);
        Assert.That(points, Has.Count.EqualTo(2));
        Assert.That(points[0], Is.EqualTo(new NamedPoint("A", new GeoPoint(-1.5, 50.7), 2)));
        Assert.That(points[1].Point.Lon, Is.EqualTo(-1.25));
        Assert.That(points[1].Line, Is.EqualTo(3));
    }

    [Test]
    public void Read_BngColumns_ConvertsToWgs84()
    {
        // St Mary's Hospital area, Newport: easting/northing and lon/lat from the ONS-derived file.
        var path = Write("b.csv", "code,easting,northing\nE1,458566.739,91242.045\n");
        var point = PointFileReader.Read(path)[0].Point;
        Assert.That(point.Lon, Is.EqualTo(-1.1717586).Within(0.0001));
        Assert.That(point.Lat, Is.EqualTo(50.7178639).Within(0.0001));
    }

    [Test]
    public void Read_XyBngSized_TreatedAsEastingNorthing()
    {
        var path = Write("xy.csv", "name,x,y\nS,458566.739,91242.045\n");
        Assert.That(PointFileReader.Read(path)[0].Point.Lat, Is.EqualTo(50.7178639).Within(0.0001));
    }

    [Test]
    public void Read_XyDegrees_TreatedAsLonLat()
    {
        var path = Write("xy.csv", "name,x,y\nS,-1.2,50.6\n");
        Assert.That(PointFileReader.Read(path)[0].Point, Is.EqualTo(new GeoPoint(-1.2, 50.6)));
    }

    [Test]
    public void Read_LeadingSpaceQuirk_ParsesNumbers()
    {
        var path = Write("cdc.csv",
            "Facility_Name,Latitude,Longitude,Existing\n" +
            "Bodmin CDC,50.46733840440277,\" -4.741481244968428\",Yes\n" +
            "\"Yeovil CDC, at Yeovil Hospital\",50.946244470980346, -2.6347399997891494,Yes\n");
        var points = PointFileReader.Read(path);
        Assert.That(points[0].Point.Lon, Is.EqualTo(-4.741481244968428));
        Assert.That(points[1].Id, Is.EqualTo("Yeovil CDC, at Yeovil Hospital"));
        Assert.That(points[1].Point.Lon, Is.EqualTo(-2.6347399997891494));
    }

    [Test]
    public void Read_QuotedFieldWithLineBreak_KeepsLineNumbersOfLaterRows()
    {
        var path = Write("q.csv", "id,note,lon,lat\nA,\"two\nlines\",-1,50\nB,x,abc,50\n");
        var ex = Assert.Throws<InputFileException>(() => PointFileReader.Read(path))!;
        Assert.That(ex.Line, Is.EqualTo(4));
        Assert.That(ex.Field, Is.EqualTo("lon"));
    }

    [Test]
    public void Read_ExplicitColumns_UsesThem()
    {
        var path = Write("c.csv", "ref,px,py\nR1,-1.1,50.6\n");
        var points = PointFileReader.Read(path, new PointColumns { Id = "ref", Lon = "px", Lat = "py" });
        Assert.That(points[0], Is.EqualTo(new NamedPoint("R1", new GeoPoint(-1.1, 50.6), 2)));
    }

    [Test]
    public void Read_MissingCoordinateColumns_ThrowsListingColumnsAndOption()
    {
        var path = Write("m.csv", "id,foo,bar\nA,1,2\n");
        var ex = Assert.Throws<InputFileException>(() => PointFileReader.Read(path, new PointColumns { OptionPrefix = "--origin-" }))!;
        Assert.That(ex.Message, Does.Contain("foo, bar"));
        Assert.That(ex.Message, Does.Contain("--origin-lon"));
        Assert.That(ex.File, Is.EqualTo(path));
    }

    [Test]
    public void Read_MissingIdColumn_Throws()
    {
        var path = Write("m.csv", "label,lon,lat\nA,1,2\n");
        var ex = Assert.Throws<InputFileException>(() => PointFileReader.Read(path))!;
        Assert.That(ex.Field, Is.EqualTo("id"));
        Assert.That(ex.Message, Does.Contain("label, lon, lat"));
    }

    [Test]
    public void Read_GivenColumnAbsent_Throws()
    {
        var path = Write("m.csv", "id,lon,lat\nA,1,2\n");
        var ex = Assert.Throws<InputFileException>(() => PointFileReader.Read(path, new PointColumns { Lon = "long" }))!;
        Assert.That(ex.Message, Does.Contain("'long'"));
    }

    [Test]
    public void Read_BadNumber_ReportsLineAndField()
    {
        var path = Write("bad.csv", "id,lon,lat\nA,-1,50\nB,-1,50\nC,-1,fifty\n");
        var ex = Assert.Throws<InputFileException>(() => PointFileReader.Read(path))!;
        Assert.That(ex.Line, Is.EqualTo(4));
        Assert.That(ex.Field, Is.EqualTo("lat"));
        Assert.That(ex.Message, Does.Contain("fifty"));
    }

    [Test]
    public void Read_LatitudeOutOfRange_Throws()
    {
        var path = Write("bad.csv", "id,lon,lat\nA,-1,95\n");
        Assert.That(() => PointFileReader.Read(path), Throws.TypeOf<InputFileException>().With.Property("Line").EqualTo(2));
    }

    [Test]
    public void Read_DuplicateId_ThrowsUnlessDeduplicating()
    {
        var path = Write("d.csv", "id,lon,lat\nA,-1,50\nB,-1,50\nA,-2,51\n");
        var ex = Assert.Throws<InputFileException>(() => PointFileReader.Read(path))!;
        Assert.That(ex.Line, Is.EqualTo(4));
        var points = PointFileReader.Read(path, new PointColumns { DeduplicateIds = true }, out var skipped);
        Assert.That(points, Has.Count.EqualTo(2));
        Assert.That(points[0].Point.Lon, Is.EqualTo(-1));
        Assert.That(skipped, Is.EqualTo(1));
    }

    [Test]
    public void Read_EmptyFile_Throws()
    {
        Assert.That(() => PointFileReader.Read(Write("e.csv", "")), Throws.TypeOf<InputFileException>().With.Message.Contains("empty"));
        Assert.That(() => PointFileReader.Read(Write("h.csv", "id,lon,lat\n")), Throws.TypeOf<InputFileException>());
    }

    [Test]
    public void Read_MissingFile_Throws()
    {
        Assert.That(() => PointFileReader.Read(Path.Combine(_folder, "nope.csv")), Throws.TypeOf<InputFileException>());
    }

    [Test]
    public void Read_GeoJsonPoints_ReadsIdsAndCoordinates()
    {
        var path = Write("p.geojson", """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"site_id":"S1"},"geometry":{"type":"Point","coordinates":[-1.3,50.7]}},
              {"type":"Feature","id":7,"properties":{},"geometry":{"type":"Point","coordinates":[-1.2,50.6]}}
            ]}
            """);
        var points = PointFileReader.Read(path);
        Assert.That(points[0], Is.EqualTo(new NamedPoint("S1", new GeoPoint(-1.3, 50.7), 1)));
        Assert.That(points[1].Id, Is.EqualTo("7"));
    }

    [Test]
    public void Read_GeoJsonNonPoint_ThrowsWithFeatureNumber()
    {
        var path = Write("p.geojson", """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"id":"A"},"geometry":{"type":"Point","coordinates":[-1.3,50.7]}},
              {"type":"Feature","properties":{"id":"B"},"geometry":{"type":"LineString","coordinates":[[-1.3,50.7],[-1,50]]}}
            ]}
            """);
        var ex = Assert.Throws<InputFileException>(() => PointFileReader.Read(path))!;
        Assert.That(ex.Line, Is.EqualTo(2));
    }

    [Test]
    public void Read_IowLsoaCentroids_Reads89Zones()
    {
        var path = DataPath("isle-of-wight", "lsoa", "lsoa21_pwc_iow.csv");
        var points = PointFileReader.Read(path);
        Assert.That(points, Has.Count.EqualTo(89));
        Assert.That(points[0].Id, Is.EqualTo("E01017282"));
        Assert.That(points.All(p => p.Point.Lon is > -1.7 and < -1.0 && p.Point.Lat is > 50.5 and < 50.8), Is.True);
        // Same file through its BNG columns lands within a few metres of the lon/lat columns.
        var bng = PointFileReader.Read(path, new PointColumns { Easting = "easting", Northing = "northing" });
        for (var i = 0; i < points.Count; i++)
        {
            Assert.That(GeoPoint.DistanceMetres(points[i].Point, bng[i].Point), Is.LessThan(5));
        }
    }

    // Branch surgeries share their practice's OrganisationCode in the GP file, so it is keyed by OrganisationID.
    [TestCase("nhs_choices_2014_gp_iow.csv", "OrganisationID", 24)]
    [TestCase("nhs_choices_2014_gp_practices_iow.csv", null, 9)]
    [TestCase("nhs_choices_2014_clinics_iow.csv", null, 3)]
    [TestCase("nhs_choices_2014_pharmacies_iow.csv", null, 31)]
    public void Read_IowSiteFiles_ReadsAllRows(string file, string? idColumn, int rows)
    {
        var points = PointFileReader.Read(DataPath("isle-of-wight", "sites", file), new PointColumns { Id = idColumn });
        Assert.That(points, Has.Count.EqualTo(rows));
    }

    [Test]
    public void Read_IowGpFileByCode_ReportsDuplicateBranchSurgery()
    {
        var path = DataPath("isle-of-wight", "sites", "nhs_choices_2014_gp_iow.csv");
        var ex = Assert.Throws<InputFileException>(() => PointFileReader.Read(path))!;
        Assert.That(ex.Message, Does.Contain("J84007"));
        Assert.That(ex.Line, Is.EqualTo(6));
    }

    [Test]
    public void Read_IowHospitals_DuplicateCodesNeedDeduplication()
    {
        var path = DataPath("isle-of-wight", "sites", "nhs_choices_2014_hospitals_iow_solent.csv");
        Assert.That(() => PointFileReader.Read(path), Throws.TypeOf<InputFileException>().With.Message.Contains("duplicate id"));
        var points = PointFileReader.Read(path, new PointColumns { DeduplicateIds = true }, out var skipped);
        Assert.That(points.Count + skipped, Is.EqualTo(66));
        Assert.That(skipped, Is.GreaterThan(0));
        Assert.That(points.Select(p => p.Id).Distinct().Count(), Is.EqualTo(points.Count));
    }
}

using NUnit.Framework;

namespace Geo.Cli.Tests.Commands;

/// <summary><c>geo place</c> on hand-made 3 zones x 3 sites files (minutes written in the matrix below).</summary>
[TestFixture]
public sealed class PlaceCommandTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "geo-place-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        // p-median with p = 1: S1 costs 10*5 + 20*9 + 30*4 = 350, S2 10*50 + 20*6 + 30*3 = 710, S3 10*8 + 20*7 + 30*9 = 490 -> S1.
        File.WriteAllText(Path.Combine(_folder, "matrix.csv"), """
            origin_id,destination_id,minutes
            A,S1,5
            A,S2,50
            A,S3,8
            B,S1,9
            B,S2,6
            B,S3,7
            C,S1,4
            C,S2,3
            C,S3,9

            """);
        File.WriteAllText(Path.Combine(_folder, "zones.csv"), "zone_id,population\nA,10\nB,20\nC,30\n");
        File.WriteAllText(Path.Combine(_folder, "sites.csv"), "site_id,site_name,lon,lat\nS1,One,-1.30,50.70\nS2,Two,-1.20,50.71\nS3,Three,-1.10,50.72\n");
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private string F(string name) => Path.Combine(_folder, name);

    /// <summary>#11: a GeoJSON candidates file (points with properties) was read as CSV ("has 2 fields but the header has 1").</summary>
    [Test]
    public void Place_GeoJsonCandidates_SameAnswerAsCsvWithNamesAndPoints()
    {
        File.WriteAllText(F("sites.geojson"), """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "geometry": {"type": "Point", "coordinates": [-1.30, 50.70]}, "properties": {"site_id": "S1", "site_name": "One"}},
              {"type": "Feature", "geometry": {"type": "Point", "coordinates": [-1.20, 50.71]}, "properties": {"site_id": "S2", "site_name": "Two"}},
              {"type": "Feature", "geometry": {"type": "Point", "coordinates": [-1.10, 50.72]}, "properties": {"site_id": "S3", "site_name": "Three"}}
            ]}
            """);
        var (exit, error) = MatrixCommandTests.Geo("place", "--matrix", F("matrix.csv"), "--zones", F("zones.csv"), "--candidates", F("sites.geojson"),
            "-p", "1", "--out", F("out-geojson"));
        Assert.That(exit, Is.Zero, error);
        var (csvExit, csvError) = MatrixCommandTests.Geo("place", "--matrix", F("matrix.csv"), "--zones", F("zones.csv"), "--candidates", F("sites.csv"),
            "-p", "1", "--out", F("out-csv"));
        Assert.That(csvExit, Is.Zero, csvError);
        var chosen = File.ReadAllLines(Path.Combine(F("out-geojson"), "chosen_sites.csv"));
        Assert.Multiple(() =>
        {
            Assert.That(chosen, Has.Length.EqualTo(2));
            Assert.That(chosen[1], Does.StartWith("S1,One,new,-1.3,50.7,3,60,"));
            Assert.That(chosen, Is.EqualTo(File.ReadAllLines(Path.Combine(F("out-csv"), "chosen_sites.csv"))));
        });
    }

    /// <summary>#13: p = 4 new sites among 3 candidates is infeasible: exit 5 (no valid result), one line saying why, nothing written.</summary>
    [Test]
    public void Place_PLargerThanCandidates_Exit5WithReasonAndNoOutput()
    {
        var (exit, error) = MatrixCommandTests.Geo("place", "--matrix", F("matrix.csv"), "--zones", F("zones.csv"), "--candidates", F("sites.csv"),
            "-p", "4", "--out", F("out"));
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(5), error);
            Assert.That(error.Trim().Split('\n'), Has.Length.EqualTo(1), error);
            Assert.That(error, Does.Contain("infeasible").And.Contain("p = 4").And.Contain("3 candidate"));
            Assert.That(Directory.Exists(F("out")), Is.False);
        });
    }

    /// <summary>#13: LSCP with a zone beyond the threshold of every site: exit 5 naming the zone; a malformed option stays exit 2.</summary>
    [Test]
    public void Place_LscpZoneOutOfReach_Exit5NamingZone_MissingThresholdExit2()
    {
        var (exit, error) = MatrixCommandTests.Geo("place", "--problem", "lscp", "--threshold", "4.5", "--matrix", F("matrix.csv"), "--zones", F("zones.csv"),
            "--candidates", F("sites.csv"), "--out", F("out"));
        Assert.That(exit, Is.EqualTo(5), error);
        Assert.That(error, Does.Contain("A, B").And.Contain("4.5"));
        var (badExit, badError) = MatrixCommandTests.Geo("place", "--problem", "lscp", "--matrix", F("matrix.csv"), "--zones", F("zones.csv"),
            "--candidates", F("sites.csv"), "--out", F("out"));
        Assert.That(badExit, Is.EqualTo(2), badError);
        Assert.That(Directory.Exists(F("out")), Is.False);
    }
}

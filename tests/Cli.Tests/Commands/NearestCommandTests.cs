using System.Text.Json;
using NUnit.Framework;

namespace Geo.Cli.Tests.Commands;

/// <summary><c>geo nearest --visits</c> on a hand-made 2 zones x 2 sites matrix.</summary>
[TestFixture]
public sealed class NearestCommandTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "geo-nearest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "matrix.csv"), "origin_id,destination_id,minutes\nA,S1,10\nA,S2,25\nB,S1,30\nB,S2,12\n");
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private string F(string name) => Path.Combine(_folder, name);

    /// <summary>
    /// #11: one zone missing from the matrix aborted the run. Now the matched visits are compared (A->S2 4 visits:
    /// actual 25, nearest S1 10, saving 15; B->S2 6 visits: at nearest, saving 0; mean saving (4*15 + 6*0) / 10 = 6)
    /// and the unmatched ones (zones X and Y, 3 + 2 visits) are reported on stderr with their count and ids, and written
    /// as unmatched rows (never dropped, never given minutes).
    /// </summary>
    [Test]
    public void Nearest_VisitsFromZoneMissingFromMatrix_ReportedAsUnmatchedAndRunCarriesOn()
    {
        File.WriteAllText(F("visits.csv"), "zone_id,site_id,count\nA,S2,4\nX,S1,3\nB,S2,6\nY,S1,2\n");
        var (exit, error) = MatrixCommandTests.Geo("nearest", "--matrix", F("matrix.csv"), "--visits", F("visits.csv"), "--out", F("ovn.csv"));
        Assert.That(exit, Is.Zero, error);
        Assert.That(error, Does.Contain("2 zone(s)").And.Contain("X, Y").And.Contain("5 visit(s)"));

        var rows = File.ReadAllLines(F("ovn.csv"));
        Assert.Multiple(() =>
        {
            Assert.That(rows[0], Is.EqualTo("zone_id,site_attended,count,actual_minutes,nearest_site_id,nearest_minutes,saving_minutes,status"));
            Assert.That(rows, Does.Contain("A,S2,4,25,S1,10,15,ok"));
            Assert.That(rows, Does.Contain("B,S2,6,12,S2,12,0,ok"));
            Assert.That(rows, Does.Contain("X,S1,3,,,,,unmatched_zone"));
            Assert.That(rows, Does.Contain("Y,S1,2,,,,,unmatched_zone"));
        });
        using var summary = JsonDocument.Parse(File.ReadAllText(F("ovn_summary.json")));
        var root = summary.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("visits").GetDouble(), Is.EqualTo(10));
            Assert.That(root.GetProperty("meanSavingMinutes").GetDouble(), Is.EqualTo(6).Within(1e-9));
            Assert.That(root.GetProperty("unmatchedVisits").GetDouble(), Is.EqualTo(5));
            Assert.That(root.GetProperty("unmatchedZones").GetDouble(), Is.EqualTo(2));
        });
        Assert.That(File.ReadAllLines(F("ovn_by_zone.csv")), Has.Some.StartWith("X,3,"));
    }
}

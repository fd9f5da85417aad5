using Geo.Core;
using NUnit.Framework;

namespace Geo.Catchment.Tests.Inputs;

/// <summary>The one issue log (GTFS and CSV inputs): counting, the per-code cap, strict mode and the results file.</summary>
[TestFixture]
public sealed class IssueLogTests
{
    [Test]
    public void Add_Lenient_CountsEveryIssueButStoresAtMostTheCapPerCode()
    {
        var log = new IssueLog(maxStoredPerCode: 2);
        for (var line = 2; line < 7; line++)
        {
            log.Add("z.csv", line, "lon", null, IssueCode.BadCoordinate, IssueSeverity.Error, "bad; row skipped");
        }
        log.Add("z.csv", 9, "zone_id", "Z1", IssueCode.DuplicateId, IssueSeverity.Error, "twice; row skipped");
        Assert.Multiple(() =>
        {
            Assert.That(log.TotalCount, Is.EqualTo(6));
            Assert.That(log.Count(IssueCode.BadCoordinate), Is.EqualTo(5));
            Assert.That(log.Issues.Select(i => i.Line), Is.EqualTo(new[] { 2, 3, 9 }));
            Assert.That(log.Summarise().Select(s => (s.IssueCode, s.Count, s.FirstExample.Line)),
                Is.EqualTo(new[] { (IssueCode.DuplicateId, 1, 9), (IssueCode.BadCoordinate, 5, 2) }));
        });
    }

    [Test]
    public void Add_Strict_ThrowsTheFirstProblemWithFileLineAndFieldButNotTheLenientConsequence()
    {
        var log = new IssueLog(strict: true);
        log.Add("f.zip", 0, null, null, IssueCode.StopsLinked, IssueSeverity.Info, "12 of 14 stops linked");

        var ex = Assert.Throws<InputFileException>(() =>
            log.Add("zones.csv", 12, "population", "Z7", IssueCode.BadValue, IssueSeverity.Error, "population -5 is negative; zone skipped"))!;

        Assert.Multiple(() =>
        {
            Assert.That(ex.File, Is.EqualTo("zones.csv"));
            Assert.That(ex.Line, Is.EqualTo(12));
            Assert.That(ex.Field, Is.EqualTo("population"));
            Assert.That(ex.Problem, Is.EqualTo("population -5 is negative"));
            Assert.That(log.TotalCount, Is.EqualTo(1), "Info is recorded, never thrown");
        });
        var warning = Assert.Throws<InputFileException>(() =>
            log.Add("m.csv", 3, "minutes", null, IssueCode.BadNumber, IssueSeverity.Warning, "'x' is not a number; the pair is read as no route"))!;
        Assert.That(warning.Message, Is.EqualTo("m.csv:3: field 'minutes': 'x' is not a number"));
    }

    [Test]
    public void InputIssuesFile_WritesEveryStoredIssueSortedByFileAndLine_AndNothingWhenNone()
    {
        var folder = Path.Combine(Path.GetTempPath(), "geo-issues-" + Guid.NewGuid().ToString("N"));
        try
        {
            Assert.That(InputIssuesFile.Write(new IssueLog(), folder), Is.Null);
            Assert.That(Directory.Exists(folder), Is.False, "no file, no folder when there is no issue");

            var log = new IssueLog();
            log.Add("zones.csv", 8, "lat", "Z3", IssueCode.BadCoordinate, IssueSeverity.Error, "latitude 95 is outside -90..90; zone skipped");
            log.Add("zones.csv", 4, "zone_id", "Z1", IssueCode.DuplicateId, IssueSeverity.Error, "duplicate zone id 'Z1', \"again\"; row skipped");
            var path = InputIssuesFile.Write(log, folder)!;

            Assert.That(File.ReadAllLines(path), Is.EqualTo(new[]
            {
                "file,line,field,id,code,severity,message",
                "zones.csv,4,zone_id,Z1,DuplicateId,Error,\"duplicate zone id 'Z1', \"\"again\"\"; row skipped\"",
                "zones.csv,8,lat,Z3,BadCoordinate,Error,latitude 95 is outside -90..90; zone skipped",
            }));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}

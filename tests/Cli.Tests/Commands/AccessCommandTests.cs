using System.Globalization;
using NUnit.Framework;

namespace Geo.Cli.Tests.Commands;

[TestFixture]
public sealed class AccessCommandTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "geo-access-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        // 3 zones x 2 sites, plus zone D whose point did not snap. C->S2 is exactly the 30-minute threshold (within).
        File.WriteAllText(Path.Combine(_folder, "matrix.csv"), """
            origin_id,destination_id,minutes,km,origin_snap_m,destination_snap_m,status
            A,S1,10,1,5,5,ok
            A,S2,40,1,5,5,ok
            B,S1,20,1,5,5,ok
            B,S2,25,1,5,5,ok
            C,S1,50,1,5,5,ok
            C,S2,30,1,5,5,ok
            D,S1,,,2000,5,origin_unsnapped
            D,S2,,,2000,5,origin_unsnapped

            """);
        File.WriteAllText(Path.Combine(_folder, "zones.csv"), "zone_id,population\nA,100\nB,200\nC,300\nD,50\n");
        File.WriteAllText(Path.Combine(_folder, "sites.csv"), "site_id,gp_fte\nS1,10\nS2,6\n");
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// Hand computed 2SFCA (threshold 30 min): S1 reaches A and B (demand 300), R1 = 10/300; S2 reaches B and C (demand
    /// 500), R2 = 6/500. A = R1 = 0.033333, B = R1 + R2 = 0.045333, C = R2 = 0.012; cumulative FTE within 30 min:
    /// A 10, B 16, C 6. D did not snap: empty values and status unsnapped (never 0).
    /// </summary>
    [Test]
    public void Access_TwoStepOnThreeByTwo_EqualsHandComputed()
    {
        var output = Path.Combine(_folder, "access.csv");
        var exit = Program.Main(["access", "--matrix", Path.Combine(_folder, "matrix.csv"), "--zones", Path.Combine(_folder, "zones.csv"),
            "--demand", "population", "--sites", Path.Combine(_folder, "sites.csv"), "--supply", "gp_fte",
            "--index", "2sfca,cumulative", "--threshold", "30", "--out", output]);
        Assert.That(exit, Is.Zero);
        var lines = File.ReadAllLines(output);
        Assert.That(lines[0], Is.EqualTo("zone_id,demand,2sfca,cumulative,status"));
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToDictionary(c => c[0]);
        Assert.That(Value(rows["A"][2]), Is.EqualTo(10.0 / 300).Within(1e-9));
        Assert.That(Value(rows["B"][2]), Is.EqualTo((10.0 / 300) + (6.0 / 500)).Within(1e-9));
        Assert.That(Value(rows["C"][2]), Is.EqualTo(6.0 / 500).Within(1e-9));
        Assert.That(Value(rows["A"][3]), Is.EqualTo(10));
        Assert.That(Value(rows["B"][3]), Is.EqualTo(16));
        Assert.That(Value(rows["C"][3]), Is.EqualTo(6));
        Assert.That(rows["D"][2..], Is.EqualTo(new[] { "", "", "unsnapped" }));
        Assert.That(rows["A"][4], Is.EqualTo("ok"));
    }

    [Test]
    public void Access_Parquet_WritesFile()
    {
        var output = Path.Combine(_folder, "access.parquet");
        var exit = Program.Main(["access", "--matrix", Path.Combine(_folder, "matrix.csv"), "--zones", Path.Combine(_folder, "zones.csv"),
            "--demand", "population", "--sites", Path.Combine(_folder, "sites.csv"), "--out", output]);
        Assert.That(exit, Is.Zero);
        Assert.That(new FileInfo(output).Length, Is.GreaterThan(100));
    }

    [Test]
    public void Access_ZoneMissingFromMatrix_IsBadInput()
    {
        File.AppendAllText(Path.Combine(_folder, "zones.csv"), "E,10\n");
        var exit = Program.Main(["access", "--matrix", Path.Combine(_folder, "matrix.csv"), "--zones", Path.Combine(_folder, "zones.csv"),
            "--sites", Path.Combine(_folder, "sites.csv"), "--out", Path.Combine(_folder, "x.csv")]);
        Assert.That(exit, Is.EqualTo(3));
        Assert.That(File.Exists(Path.Combine(_folder, "x.csv")), Is.False);
    }

    [Test]
    public void Access_TwoStepWithoutDemand_IsUsageError() =>
        Assert.That(Program.Main(["access", "--matrix", "m.csv", "--zones", "z.csv", "--sites", "s.csv", "--index", "2sfca", "--out", "a.csv"]), Is.EqualTo(2));

    private static double Value(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}

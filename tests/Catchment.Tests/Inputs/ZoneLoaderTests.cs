using Geo.Catchment.Inputs;
using Geo.Catchment.Scenarios;
using Geo.Core;
using NUnit.Framework;

namespace Geo.Catchment.Tests.Inputs;

/// <summary>Loads the real Isle of Wight LSOA layers through a scenario's zone spec and checks them against the source files.</summary>
[TestFixture]
public sealed class ZoneLoaderTests
{
    private static ZoneSpec IsleOfWightSpec(string folder) => new()
    {
        File = Path.Combine(folder, "lsoa21_pwc_iow.csv"),
        Boundaries = Path.Combine(folder, "lsoa21_boundaries_iow.geojson"),
        BoundaryId = "lsoa21_code",
        Joins =
        [
            new JoinSpec { File = Path.Combine(folder, "imd2025_lsoa21_iow.csv"), Key = "lsoa21_code",
                Columns = new Dictionary<string, string> { ["imdDecile"] = "IMD_decile", ["imdRank"] = "IMD_rank", ["imd_score"] = "IMD_score" } },
            new JoinSpec { File = Path.Combine(folder, "lookup_lsoa21_ward24_ltla24_iow.csv"), Key = "lsoa21_code",
                Columns = new Dictionary<string, string> { ["ward"] = "ward24_name", ["localAuthority"] = "ltla24_name" } },
            new JoinSpec { File = Path.Combine(folder, "ruc21_lsoa21_iow.csv"), Key = "lsoa21_code",
                Columns = new Dictionary<string, string> { ["ruc"] = "ruc" } },
        ],
        AgeGroups = new AgeGroupSpec
        {
            File = Path.Combine(folder, "census2021_age6_lsoa21_iow.csv"), Key = "lsoa21_code",
            GroupColumn = "age_group", ValueColumn = "usual_residents", Age65plusGroups = ["Aged 65 years and over"],
        },
    };

    private static string[] Split(string line) => line.Split(',').Select(f => f.Trim('"')).ToArray();

    [Test]
    public void Load_IsleOfWight_PopulationAgeImdWardJoined()
    {
        var folder = Scenarios.TestFiles.SharedData("isle-of-wight/lsoa");
        var zones = ZoneLoader.Load(IsleOfWightSpec(folder), p => p);

        // Independent sums straight from the census file.
        var census = File.ReadAllLines(Path.Combine(folder, "census2021_age6_lsoa21_iow.csv")).Skip(1).Select(Split).ToList();
        var total = census.Sum(r => double.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture));
        var old = census.Where(r => r[2] == "Aged 65 years and over").Sum(r => double.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture));
        var oldOf282 = census.Single(r => r[0] == "E01017282" && r[2] == "Aged 65 years and over")[3];
        var imd = File.ReadAllLines(Path.Combine(folder, "imd2025_lsoa21_iow.csv")).Skip(1).Select(Split).ToDictionary(r => r[0], r => r);
        var z = zones.IndexOf("E01017282");
        Assert.Multiple(() =>
        {
            Assert.That(zones.Count, Is.EqualTo(89));
            Assert.That(zones.Population.Sum(), Is.EqualTo(total));
            Assert.That(zones.Population.Sum(), Is.EqualTo(140_463)); // SOURCES.md
            Assert.That(zones.Age65Plus.Sum(), Is.EqualTo(old));
            Assert.That(zones.Age65Plus.Sum(), Is.EqualTo(41_023)); // SOURCES.md
            Assert.That(zones.Age65Plus[z], Is.EqualTo(double.Parse(oldOf282, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(zones.Names[z], Is.EqualTo("Isle of Wight 006A"));
            Assert.That(zones.ImdDecile[z], Is.EqualTo(4));
            Assert.That(zones.ImdRank[z], Is.EqualTo(10788));
            Assert.That(zones[z].ImdQuintile, Is.EqualTo(2));
            Assert.That(zones.Ward[z], Is.EqualTo("Haylands & Swanmore"));
            Assert.That(zones.LocalAuthority.Distinct().ToList(), Is.EqualTo(new[] { "Isle of Wight" }));
            Assert.That(zones.Ward.Distinct().Count(), Is.EqualTo(39)); // SOURCES.md: 39 wards
            Assert.That(Enumerable.Range(0, zones.Count).All(i => zones.ImdDecile[i] == int.Parse(imd[zones.Codes[i]][1], System.Globalization.CultureInfo.InvariantCulture)), Is.True);
            Assert.That(zones.Numeric("imd_score")[z], Is.EqualTo(25.502));
            Assert.That(zones.Category("ruc")[z], Is.EqualTo("Urban"));
            Assert.That(zones.Boundaries.All(b => b is not null), Is.True);
            // Population-weighted centroid from lon/lat columns.
            Assert.That(zones.Points[z].Lon, Is.EqualTo(-1.1717586).Within(1e-9));
            Assert.That(zones.Points[z].Lat, Is.EqualTo(50.7178639).Within(1e-9));
        });
    }

    [Test]
    public void Load_GreaterManchester_SameLayoutsLoad()
    {
        var folder = Scenarios.TestFiles.SharedData("greater-manchester-partial/lsoa");
        var spec = IsleOfWightSpec(folder) with
        {
            File = Path.Combine(folder, "lsoa21_pwc_gm.csv"),
            Boundaries = null,
            Joins =
            [
                new JoinSpec { File = Path.Combine(folder, "imd2025_lsoa21_gm.csv"), Key = "lsoa21_code",
                    Columns = new Dictionary<string, string> { ["imdDecile"] = "IMD_decile" } },
                new JoinSpec { File = Path.Combine(folder, "lookup_lsoa21_ward24_ltla24_gm.csv"), Key = "lsoa21_code",
                    Columns = new Dictionary<string, string> { ["ward"] = "ward24_name", ["localAuthority"] = "ltla24_name" } },
            ],
            AgeGroups = new AgeGroupSpec
            {
                File = Path.Combine(folder, "census2021_age6_lsoa21_gm.csv"), Key = "lsoa21_code",
                Age65plusGroups = ["Aged 65 years and over"],
            },
        };
        var zones = ZoneLoader.Load(spec, p => p);
        Assert.Multiple(() =>
        {
            Assert.That(zones.Count, Is.EqualTo(1702));
            Assert.That(zones.Population.Sum(), Is.EqualTo(2_867_771)); // SOURCES.md
            Assert.That(zones.LocalAuthority.Distinct().Count(), Is.EqualTo(10));
        });
    }

    [Test]
    public void Load_AgeGroupNameMisspelt_ErrorListsGroups()
    {
        var folder = Scenarios.TestFiles.SharedData("isle-of-wight/lsoa");
        var spec = IsleOfWightSpec(folder) with
        {
            AgeGroups = IsleOfWightSpec(folder).AgeGroups! with { Age65plusGroups = ["Aged 65+"] },
        };
        var error = Assert.Throws<Geo.Core.InputFileException>(() => ZoneLoader.Load(spec, p => p))!;
        Assert.That(error.Message, Does.Contain("Aged 65 years and over"));
    }
}

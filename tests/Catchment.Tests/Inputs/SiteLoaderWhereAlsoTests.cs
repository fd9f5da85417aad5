using Geo.Catchment.Inputs;
using Geo.Catchment.Scenarios;
using Geo.Catchment.Tests.Scenarios;
using Geo.Core;
using NUnit.Framework;

namespace Geo.Catchment.Tests.Inputs;

/// <summary>The optional <see cref="SiteSpec.Where"/> row filter and <see cref="SiteSpec.Also"/> extra site files.</summary>
[TestFixture]
public sealed class SiteLoaderWhereAlsoTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = TestFiles.NewFolder();

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private const string Hospitals =
        "code,name,lon,lat,on_island\n" +
        "M1,Mainland General,-1.1,50.9,false\n" +
        "I1,Island Hospital,-1.3,50.7,true\n" +
        "M1,Mainland General,-1.1,50.9,false\n" +
        "M2,Mainland Clinic,-1.2,50.9, FALSE\n" +
        "I2,Island Annexe,-1.31,50.71, True \n";

    [Test]
    public void Read_Where_KeepsOnlyMatchingRowsIgnoringCaseAndSpaces()
    {
        var path = TestFiles.Write(_folder, "hospitals.csv", Hospitals);
        var spec = new SiteSpec
        {
            File = path, Id = "code", Deduplicate = true,
            Where = new Dictionary<string, string> { ["ON_ISLAND"] = "true" },
        };
        var sites = SiteLoader.Read(spec, p => p);
        Assert.That(sites.Select(s => s.Id), Is.EqualTo(new[] { "I1", "I2" }));
        Assert.That(sites[0].Name, Is.EqualTo("Island Hospital"));
    }

    [Test]
    public void Read_WhereTwoColumns_EveryEntryMustMatch()
    {
        var path = TestFiles.Write(_folder, "hospitals.csv", Hospitals);
        var spec = new SiteSpec
        {
            File = path, Id = "code", Deduplicate = true,
            Where = new Dictionary<string, string> { ["on_island"] = "false", ["name"] = "mainland clinic" },
        };
        Assert.That(SiteLoader.Read(spec, p => p).Select(s => s.Id), Is.EqualTo(new[] { "M2" }));
    }

    [Test]
    public void Read_WhereUnknownColumn_InputFileExceptionNamingColumn()
    {
        var path = TestFiles.Write(_folder, "hospitals.csv", Hospitals);
        var spec = new SiteSpec { File = path, Id = "code", Deduplicate = true, Where = new Dictionary<string, string> { ["island"] = "true" } };
        var e = Assert.Throws<InputFileException>(() => SiteLoader.Read(spec, p => p));
        Assert.That(e!.Message, Does.Contain("island"));
    }

    [Test]
    public void Read_Also_AppendsFilesInOrderWithTheirOwnColumns()
    {
        Write("hospitals.csv", Hospitals);
        Write("clinics.csv", "OrganisationCode,OrganisationName,Latitude,Longitude\nC1,Town Clinic,50.72,-1.16\n");
        Write("gps.csv", "OrganisationID,OrganisationCode,OrganisationName,Latitude,Longitude\n15,J1,Surgery A,50.6,-1.2\n16,J1,Surgery A branch,50.61,-1.21\n");
        var spec = new SiteSpec
        {
            File = "hospitals.csv", Id = "code", Deduplicate = true, Where = new Dictionary<string, string> { ["on_island"] = "true" },
            Also =
            [
                new SiteSpec { File = "clinics.csv", Id = "OrganisationCode" },
                new SiteSpec { File = "gps.csv", Id = "OrganisationID" },
            ],
        };
        var sites = SiteLoader.Read(spec, p => Path.Combine(_folder, p));
        Assert.Multiple(() =>
        {
            Assert.That(sites.Select(s => s.Id), Is.EqualTo(new[] { "I1", "I2", "C1", "15", "16" }));
            Assert.That(sites.Select(s => s.Name), Is.EqualTo(new[] { "Island Hospital", "Island Annexe", "Town Clinic", "Surgery A", "Surgery A branch" }));
            Assert.That(sites[2].Point.Lon, Is.EqualTo(-1.16).Within(1e-9));
            Assert.That(sites[2].Point.Lat, Is.EqualTo(50.72).Within(1e-9));
        });
    }

    [Test]
    public void Read_AlsoRepeatsAnId_InputFileExceptionNamingBothFiles()
    {
        Write("a.csv", "id,name,lon,lat\nS1,One,-1.1,50.7\n");
        Write("b.csv", "id,name,lon,lat\nS2,Two,-1.2,50.7\nS1,One again,-1.3,50.7\n");
        var spec = new SiteSpec { File = "a.csv", Also = [new SiteSpec { File = "b.csv" }] };
        var e = Assert.Throws<InputFileException>(() => SiteLoader.Read(spec, p => Path.Combine(_folder, p)));
        Assert.That(e!.Message, Does.Contain("'S1'").And.Contain("a.csv").And.Contain("b.csv"));
    }

    [Test]
    public void Load_ScenarioJsonWithWhereAndAlso_SitesAndCandidatesMerged()
    {
        Write("hospitals.csv", Hospitals);
        Write("clinics.csv", "id,name,lon,lat\nC1,Town Clinic,-1.16,50.72\n");
        Write("pharmacies.csv", "id,name,lon,lat\nP1,Chemist,-1.17,50.73\nC1,Town Clinic,-1.16,50.72\n");
        var json = """
            {
              "zones": { "file": "zones.csv" },
              "sites": { "file": "hospitals.csv", "id": "code", "deduplicate": true, "where": { "on_island": "true" },
                         "also": [ { "file": "clinics.csv" } ] },
              "modes": ["car"], "services": ["outpatients"],
              "baseline": { "id": "baseline", "name": "Now", "sites": { "I1": ["outpatients"] } },
              "options": [ { "id": "A", "name": "Move", "sites": { "C1": ["outpatients"] } } ],
              "placement": { "problem": "pmedian", "p": 1, "candidates": { "file": "pharmacies.csv", "also": [] } }
            }
            """;
        var scenario = ScenarioReader.Parse(json, Path.Combine(_folder, "scenario.json"));
        var sites = SiteLoader.Load(scenario);
        Assert.That(sites.Sites.Select(s => s.Id), Is.EqualTo(new[] { "I1", "I2", "C1", "P1" }));
        Assert.DoesNotThrow(() => scenario.Validate(sites.Ids));
    }

    private void Write(string name, string text) => TestFiles.Write(_folder, name, text);
}

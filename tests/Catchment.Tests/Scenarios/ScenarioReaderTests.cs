using Geo.Catchment.Appraisal;

using Geo.Catchment.Scenarios;
using Geo.Core;
using NUnit.Framework;

namespace Geo.Catchment.Tests.Scenarios;

[TestFixture]
public sealed class ScenarioReaderTests
{
    private const string Yaml = """
        name: Hand-computed test (YAML)
        zones:
          file: zones.csv
          population: population
          age65plus: age65plus
          imdDecile: imd_decile
          ward: ward
        sites: { file: sites.csv }
        modes: [car]
        services: [op]
        baseline:
          id: baseline
          sites: { H1: [op], H2: [op] }
        options:
          - id: B
            name: "Move H2 to C3"
            sites: { H1: [op], C3: [op] }
        equality: { relativeMargin: 0.2, absoluteMarginMinutes: 3 }
        matrices:
          car: { file: car.csv, layout: long, noRoute: ~ }
        """;

    [Test]
    public void Read_Yaml_SameScenarioAsJson()
    {
        var jsonPath = HandScenario.WriteAll();
        var yamlPath = TestFiles.Write(Path.GetDirectoryName(jsonPath)!, "scenario.yaml", Yaml);
        var scenario = ScenarioReader.Read(yamlPath);
        Assert.Multiple(() =>
        {
            Assert.That(scenario.Options.Single().Sites.Keys, Is.EqualTo(new[] { "H1", "C3" }));
            Assert.That(scenario.Equality!.AbsoluteMarginMinutes, Is.EqualTo(3));
            Assert.That(scenario.Matrices!["car"].NoRoute, Is.Null);
        });
        var result = Appraiser.RunWithFiles(scenario, null, Path.Combine(Path.GetDirectoryName(yamlPath)!, "yaml-results"), null);
        // Same hand numbers as AppraiserTests: B mean 25.5, change +1.0
        Assert.That(result.Summary.Metrics.Single(m => m.Option == "B").MeanMinutes, Is.EqualTo(25.5).Within(1e-9));
    }

    [Test]
    public void Read_YamlSyntaxError_NamesLine()
    {
        var path = TestFiles.Write(TestFiles.NewFolder(), "bad.yml", "name: x\nmodes: [car]\n  services: - op\n");
        var error = Assert.Throws<InputFileException>(() => ScenarioReader.Read(path))!;
        Assert.That(error.Line, Is.EqualTo(3));
        Assert.That(error.Message, Does.Contain("not valid YAML"));
        var unclosed = TestFiles.Write(TestFiles.NewFolder(), "bad.yml", "name: x\nmodes: [car\nservices: [op]\n");
        Assert.That(Assert.Throws<InputFileException>(() => ScenarioReader.Read(unclosed))!.File, Does.EndWith("bad.yml"));
    }

    [Test]
    public void Read_ContractExampleWithComments_Parses()
    {
        // The contract's example shape (comments and nulls included).
        const string json = """
            {
              "name": "Sample region: moving the outpatient clinic",
              "network": { "osm": "region.osm.pbf", "speeds": null, "timeBand": "off_peak", "maxSnapMetres": 1000 },
              "transit": { "gtfs": ["bus-gtfs.zip"], "date": "2024-03-05", "window": "07:00-10:00", "fares": null, "maxWalkMinutes": 20 },
              "zones": { "file": "zones.csv", "id": "zone_id", "name": "zone_name", "lon": "lon", "lat": "lat", "easting": null, "northing": null,
                         "population": "population", "age65plus": "age65plus", "imdDecile": "imd_decile", "imdRank": "imd_rank",
                         "ward": "ward", "localAuthority": "local_authority", "boundaries": "zones.geojson", "boundaryId": "zone_id",
                         "joins": [ { "file": "other.csv", "key": "lsoa21_code", "columns": { "population": "total" } } ],
                         "ageGroups": { "file": "census.csv", "key": "lsoa21_code", "groupColumn": "age_group", "valueColumn": "usual_residents", "age65plusGroups": ["Aged 65 years and over"] } },
              "sites": { "file": "sites.csv", "id": "site_id", "name": "site_name", "lon": "lon", "lat": "lat" },
              "modes": ["car", "walk", "cycle", "transit"],
              "services": ["outpatients"],
              "baseline": { "id": "baseline", "name": "Current", "sites": { "H1": ["outpatients"], "H2": ["outpatients"] } },
              "options": [ { "id": "A", "name": "Close H2", "sites": { "H1": ["outpatients"] } },
                           { "id": "B", "name": "Move to community site C3", "sites": { "H1": ["outpatients"], "C3": ["outpatients"] } } ],
              "demand": null,            // optional
              "costs": null,
              "matrices": null,
              "placement": { "problem": "pmedian", "mode": "car", "p": 3, "threshold": 15, "need": "population*1 + age65plus*2",
                 "candidates": { "file": "community_sites.csv", "id": "site_id", "name": "site_name", "lon": "lon", "lat": "lat" },
                 "existing": [ ] },
              "providers": null
            }
            """;
        var scenario = ScenarioReader.Parse(json, "/tmp/x/scenario.json");
        scenario.Validate();
        Assert.Multiple(() =>
        {
            Assert.That(scenario.AllOptions.Select(o => o.Id), Is.EqualTo(new[] { "baseline", "A", "B" }));
            Assert.That(scenario.Network!.MaxSnapMetres, Is.EqualTo(1000));
            Assert.That(scenario.Placement!.P, Is.EqualTo(3));
            Assert.That(scenario.Zones.AgeGroups!.Age65plusGroups, Is.EqualTo(new[] { "Aged 65 years and over" }));
            Assert.That(scenario.Resolve("zones.csv"), Is.EqualTo(Path.GetFullPath("/tmp/x/zones.csv")));
        });
    }
}

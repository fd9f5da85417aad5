using Geo.Catchment.Appraisal;

using Geo.Catchment.Reports;
using Geo.Catchment.Scenarios;
using Geo.Catchment.Tests.Scenarios;
using Microsoft.Data.Sqlite;
using NetTopologySuite.IO;
using NUnit.Framework;
using Parquet;

namespace Geo.Catchment.Tests.Reports;

/// <summary>The binary outputs of the hand scenario can be read back with independent readers.</summary>
[TestFixture]
public sealed class ReportOutputTests
{
    private string _out = null!;
    private AppraisalResult _result = null!;

    [OneTimeSetUp]
    public void Run()
    {
        var scenarioPath = HandScenario.WriteAll();
        _out = Path.Combine(Path.GetDirectoryName(scenarioPath)!, "results");
        _result = Appraiser.RunWithFiles(ScenarioReader.Read(scenarioPath), null, _out, null);
    }

    [Test]
    public async Task Parquet_HasOneRowPerZoneResultAndNullsForMissing()
    {
        await using var reader = await ParquetReader.CreateAsync(Path.Combine(_out, "zone_results.parquet"));
        var fields = reader.Schema.GetDataFields();
        long rows = 0;
        var nextMinutes = new List<double?>();
        var nextSites = new List<string?>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            rows += group.RowCount;
            var buffer = new double?[group.RowCount];
            await group.ReadAsync<double>(fields.Single(f => f.Name == "next_minutes"), buffer.AsMemory());
            nextMinutes.AddRange(buffer);
            var sites = new string?[group.RowCount];
            await group.ReadAsync(fields.Single(f => f.Name == "next_site_id"), sites.AsMemory());
            nextSites.AddRange(sites);
        }
        Assert.Multiple(() =>
        {
            Assert.That(fields.Select(f => f.Name), Is.SupersetOf(ZoneResultsWriter.Columns));
            Assert.That(rows, Is.EqualTo(12));
            // Option A (rows 4..7) has one open site: no next site anywhere.
            Assert.That(nextMinutes.Skip(4).Take(4), Has.All.Null);
            Assert.That(nextMinutes[0], Is.EqualTo(30));
            Assert.That(nextSites.Skip(4).Take(4), Has.All.Null);
            Assert.That(nextSites.Take(4), Is.EqualTo(new[] { "H2", "H1", "H1", "H1" }));
        });
    }

    [Test]
    public void GeoPackage_HasZonesAndSitesLayersWithGeometry()
    {
        var path = Path.Combine(_out, "zones.gpkg");
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT geom, zone_id, minutes_b_car_op, change_a_car_op FROM zones ORDER BY fid";
        using var reader = command.ExecuteReader();
        var geoReader = new GeoPackageGeoReader();
        var rows = new List<(string Id, double Minutes, double Change, double X)>();
        while (reader.Read())
        {
            var geometry = geoReader.Read((byte[])reader.GetValue(0));
            rows.Add((reader.GetString(1), reader.GetDouble(2), reader.GetDouble(3), geometry.Coordinate.X));
        }
        using var contents = connection.CreateCommand();
        contents.CommandText = "SELECT group_concat(table_name) FROM (SELECT table_name FROM gpkg_contents ORDER BY table_name)";
        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.Id), Is.EqualTo(new[] { "Z1", "Z2", "Z3", "Z4" }));
            Assert.That(rows.Select(r => r.Minutes), Is.EqualTo(new[] { 10.0, 15, 5, 50 }));
            Assert.That(rows.Select(r => r.Change), Is.EqualTo(new[] { 0.0, 10, 15, 15 }));
            Assert.That(rows[0].X, Is.EqualTo(-1.30).Within(1e-9));
            Assert.That((string)contents.ExecuteScalar()!, Is.EqualTo("sites,zones"));
        });
    }

    [Test]
    public void ZonesGeoJson_HasContractProperties()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, "zones.geojson")));
        var p = doc.RootElement.GetProperty("features")[2].GetProperty("properties");
        Assert.Multiple(() =>
        {
            Assert.That(p.GetProperty("zone_id").GetString(), Is.EqualTo("Z3"));
            Assert.That(p.GetProperty("population").GetDouble(), Is.EqualTo(300));
            Assert.That(p.GetProperty("age65plus").GetDouble(), Is.EqualTo(60));
            Assert.That(p.GetProperty("imd_decile").GetInt32(), Is.EqualTo(5));
            Assert.That(p.GetProperty("imd_quintile").GetInt32(), Is.EqualTo(3));
            Assert.That(p.GetProperty("ward").GetString(), Is.EqualTo("W2"));
            Assert.That(p.GetProperty("rural").GetString(), Is.EqualTo("rural"));
        });
    }

    [Test]
    public void SummaryJson_RoundTripsAndUsesContractNames()
    {
        var text = File.ReadAllText(Path.Combine(_out, "summary.json"));
        var summary = AppraisalSummary.Read(Path.Combine(_out, "summary.json"));
        Assert.Multiple(() =>
        {
            foreach (var name in new[] { "\"scenario\"", "\"generatedUtc\"", "\"meanMinutes\"", "\"p90Minutes\"", "\"worse10\"", "\"bands\"", "\"0-15\"", "\"60+\"", "\"dimension\": \"imd_quintile\"", "\"ranking\"" })
            {
                Assert.That(text, Does.Contain(name));
            }
            Assert.That(summary.Metrics, Has.Count.EqualTo(3));
            Assert.That(summary.Options[0].Id, Is.EqualTo("baseline"));
            Assert.That(summary.Sites.Single(x => x.Id == "H2").Status["B"], Is.EqualTo("closed"));
            Assert.That(summary.Sites.Single(x => x.Id == "C3").Kind, Is.EqualTo("candidate"));
        });
    }

    [Test]
    public void Regenerate_WithMapsFolder_EmbedsMapPngs()
    {
        var maps = Path.Combine(_out, "maps");
        Directory.CreateDirectory(maps);
        var plot = new ScottPlot.Plot();
        plot.SavePng(Path.Combine(maps, "change.png"), 50, 40);
        HtmlReport.Regenerate(_out);
        var html = File.ReadAllText(Path.Combine(_out, "report.html"));
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<h2>Maps</h2>"));
            Assert.That(html, Does.Contain("alt=\"change\""));
            Assert.That(html, Does.Not.Contain("src=\"http"));
        });
    }

    [Test]
    public void Regenerate_WithPlacementJson_AddsPlacementSection()
    {
        var placement = Path.Combine(_out, "placement");
        Directory.CreateDirectory(placement);
        File.WriteAllText(Path.Combine(placement, "placement.json"), """
            { "problem": "pmedian", "mode": "car", "p": 1, "need": "population", "solver": "exact", "status": "optimal",
              "objective": 1234.5, "objectiveDescription": "need x minutes", "bound": 1234.5, "gap": 0,
              "existingSites": [ { "id": "H1", "name": "Harrowby General" } ], "newSites": [ { "id": "C3", "name": "Amberleigh <Centre>" } ],
              "groups": [ { "dimension": "imd_quintile", "group": "1", "weight": 300, "meanMinutes": 12.25, "maxMinutes": 20, "coveredShare": 0.5 } ] }
            """);
        HtmlReport.Regenerate(_out);
        var html = File.ReadAllText(Path.Combine(_out, "report.html"));
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<h2>Site placement</h2>"));
            Assert.That(html, Does.Contain("Amberleigh &lt;Centre&gt;</td><td class=\"l\">new"));
            Assert.That(html, Does.Contain("gap 0.0%"));
            Assert.That(html, Does.Contain("<td>12.3</td>").Or.Contain("<td>12.2</td>"));
            Assert.That(html, Does.Contain("<td>50.0%</td>"));
        });
    }
}

using System.Globalization;
using Geo.Catchment.Appraisal;
using Geo.Catchment.Scenarios;
using NUnit.Framework;

namespace Geo.Catchment.Tests.Scenarios;

/// <summary>
/// The Devon CDC reference (Valhalla car matrix keyed by LSOA name, demand = MF50-84): 4 existing CDCs vs 4 + Tiverton and
/// Barnstaple. The appraisal's demand-weighted means are reproduced by a straightforward computation over the raw CSVs.
/// </summary>
[TestFixture]
public sealed class DevonReferenceTests
{
    private static readonly string[] Existing =
        ["Bideford Community Hospital", "NHS Nightingale Exeter", "Colin Campbell Court, Plymouth", "Torbay & South Devon Community Diagnostic Centre"];

    private static readonly string[] Candidates = ["Tiverton - Lowman Way", "Barnstaple - Archwood Retail Park"];

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        fields.Add(current.ToString());
        return fields;
    }

    private static Dictionary<string, IReadOnlyList<string>> Sites(IEnumerable<string> ids) =>
        ids.ToDictionary(id => id, _ => (IReadOnlyList<string>)["cdc"]);

    [Test]
    public void Run_DevonCar_DemandWeightedMeansMatchIndependentComputation()
    {
        var folder = TestFiles.SharedData("devon-cdc-reference");
        var demandFile = Path.Combine(folder, "demand_MF_50_84.csv");
        var scenario = new Scenario
        {
            Name = "Devon CDC reference",
            Zones = new ZoneSpec
            {
                File = demandFile, Id = "LSOA 2021 Code", Name = "LSOA 2021 Name", Population = "Total",
                Boundaries = Path.Combine(folder, "LSOA_Devon_2021_EW_BSC_V4.gpkg"), BoundaryId = "LSOA21CD",
                Joins =
                [
                    new JoinSpec
                    {
                        File = Path.Combine(folder, "devon_imd_2025_2021_LSOAs.csv"), Key = "LSOA code (2021)",
                        // The source header really ends "...10% of LSOA" (truncated in the file).
                        Columns = new Dictionary<string, string>
                        {
                            ["imdDecile"] = "Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOA",
                            ["localAuthority"] = "Local Authority District name (2024)",
                        },
                    },
                ],
            },
            Sites = new SiteSpec { File = Path.Combine(folder, "devon_cdcs.csv"), Id = "Facility_Name" },
            Modes = ["car"],
            Services = ["cdc"],
            Baseline = new OptionSpec { Id = "existing", Sites = Sites(Existing) },
            Options = [new OptionSpec { Id = "plus2", Sites = Sites(Existing.Concat(Candidates)) }],
            Demand = new DemandSpec { File = demandFile, Zone = "LSOA 2021 Code", Value = "MF50-84" },
            Matrices = new Dictionary<string, MatrixSpec>
            {
                ["car"] = new() { File = Path.Combine(folder, "travel_matrix_car.csv"), Layout = "wide", OriginKey = "name" },
            },
        };
        var outFolder = Path.Combine(TestFiles.NewFolder(), "results");
        var result = Appraiser.RunWithFiles(scenario, null, outFolder, null);

        // Independent: demand by LSOA name, then min over the open columns of each matrix row.
        var demandLines = File.ReadAllLines(demandFile);
        var header = SplitCsv(demandLines[0]);
        int nameColumn = header.IndexOf("LSOA 2021 Name"), demandColumn = header.IndexOf("MF50-84");
        var demand = demandLines.Skip(1).Select(SplitCsv).ToDictionary(r => r[nameColumn], r => double.Parse(r[demandColumn], CultureInfo.InvariantCulture));
        var matrixLines = File.ReadAllLines(Path.Combine(folder, "travel_matrix_car.csv"));
        var columns = SplitCsv(matrixLines[0]);
        double Mean(IEnumerable<string> open)
        {
            var indices = open.Select(s => columns.IndexOf(s)).ToArray();
            Assert.That(indices, Has.None.Negative);
            double sum = 0, weight = 0;
            foreach (var line in matrixLines.Skip(1))
            {
                var row = SplitCsv(line);
                var best = indices.Min(i => double.Parse(row[i], CultureInfo.InvariantCulture));
                sum += best * demand[row[0]];
                weight += demand[row[0]];
            }
            return sum / weight;
        }
        var baselineMean = Mean(Existing);
        var optionMean = Mean(Existing.Concat(Candidates));
        var metrics = result.Summary.Metrics;
        Assert.Multiple(() =>
        {
            Assert.That(result.Summary.ZoneCount, Is.EqualTo(729));
            Assert.That(result.Summary.WeightedBy, Is.EqualTo("demand"));
            Assert.That(metrics.Single(m => m.Option == "existing").MeanMinutes, Is.EqualTo(baselineMean).Within(1e-9));
            Assert.That(metrics.Single(m => m.Option == "plus2").MeanMinutes, Is.EqualTo(optionMean).Within(1e-9));
            Assert.That(metrics.Single(m => m.Option == "plus2").MeanChange, Is.EqualTo(optionMean - baselineMean).Within(1e-9));
            Assert.That(metrics.Single(m => m.Option == "plus2").Population, Is.EqualTo(demand.Values.Sum()).Within(1e-6));
            // Adding sites can only shorten the nearest time.
            Assert.That(result.Scoring.Block(1, 0, 0).ChangeMinutes.Max(), Is.LessThanOrEqualTo(0));
            Assert.That(optionMean, Is.LessThan(baselineMean));
            Assert.That(File.Exists(Path.Combine(outFolder, "report.html")), Is.True);
        });
    }

    [Test]
    public void ReadWide_DevonPublicTransport_NoRouteBecomesNaNAndColumnOrderFollowsHeader()
    {
        var folder = TestFiles.SharedData("devon-cdc-reference");
        var path = Path.Combine(folder, "travel_matrix_public_transport.csv");
        var matrix = Geo.Catchment.Inputs.TravelMatrixReader.ReadWide(path, "transit",
            new MatrixSpec { File = path, Layout = "wide", NoRoute = 9999 });
        var lines = File.ReadAllLines(path);
        // SOURCES.md: 109 of 13,122 cells are 9999.
        var noRouteCells = lines.Skip(1).SelectMany(l => SplitCsv(l).Skip(1)).Count(v => v == "9999.0");
        Assert.Multiple(() =>
        {
            Assert.That(matrix.OriginCount, Is.EqualTo(729));
            Assert.That(matrix.DestinationCount, Is.EqualTo(18));
            Assert.That(matrix.Minutes.Count(double.IsNaN), Is.EqualTo(noRouteCells));
            Assert.That(noRouteCells, Is.EqualTo(109));
            Assert.That(matrix.DestinationIds[0], Is.EqualTo("Barnstaple - Archwood Retail Park"));
            Assert.That(matrix.OriginIds[0], Is.EqualTo("East Devon 001A"));
            Assert.That(matrix.MinutesAt(0, 0), Is.EqualTo(279.0));
        });
    }
}

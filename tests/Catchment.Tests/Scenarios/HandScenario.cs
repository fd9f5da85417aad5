using Geo.Catchment.Scenarios;

namespace Geo.Catchment.Tests.Scenarios;

/// <summary>
/// The hand-computed scenario used by several fixtures. Four zones, three sites, one service "op", car only.
///
///   zone  pop  65+  IMD decile (quintile)  ward  | minutes to H1  H2  C3   (km = minutes / 2)
///   Z1    100   40   1 (Q1, Core20)         W1    |           10   30  20
///   Z2    200   20   2 (Q1, Core20)         W1    |           20   10  15
///   Z3    300   60   5 (Q3)                 W2    |           40   25   5
///   Z4    400  100  10 (Q5)                 W2    |           50   35  no route
///
/// baseline = {H1, H2}; option A = {H1} (H2 closed); option B = {H1, C3} (H2 closed, C3 new).
/// </summary>
internal static class HandScenario
{
    public const string Zones = """
        zone_id,zone_name,lon,lat,population,age65plus,imd_decile,ward,local_authority,rural
        Z1,Zone one,-1.30,50.70,100,40,1,W1,LA,urban
        Z2,Zone two,-1.29,50.70,200,20,2,W1,LA,urban
        Z3,Zone three,-1.28,50.70,300,60,5,W2,LA,rural
        Z4,Zone four,-1.27,50.70,400,100,10,W2,LA,rural
        """;

    public const string Sites = """
        site_id,site_name,lon,lat
        H1,Hospital one,-1.30,50.71
        H2,Hospital two,-1.28,50.71
        C3,Community three,-1.27,50.71
        """;

    public static string Matrix()
    {
        double[,] minutes = { { 10, 30, 20 }, { 20, 10, 15 }, { 40, 25, 5 }, { 50, 35, double.NaN } };
        string[] zones = ["Z1", "Z2", "Z3", "Z4"];
        string[] sites = ["H1", "H2", "C3"];
        var lines = new List<string> { "origin_id,destination_id,minutes,km,status" };
        for (var z = 0; z < 4; z++)
        {
            for (var s = 0; s < 3; s++)
            {
                var m = minutes[z, s];
                lines.Add(double.IsNaN(m)
                    ? $"{zones[z]},{sites[s]},,,unreachable"
                    : FormattableString.Invariant($"{zones[z]},{sites[s]},{m},{m / 2},ok"));
            }
        }
        return string.Join("\n", lines) + "\n";
    }

    public const string Scenario = """
        {
          "name": "Hand-computed test",
          "zones": { "file": "zones.csv", "population": "population", "age65plus": "age65plus", "imdDecile": "imd_decile",
                     "ward": "ward", "localAuthority": "local_authority", "extra": ["rural"] },
          "sites": { "file": "sites.csv" },
          "modes": ["car"],
          "services": ["op"],
          "baseline": { "id": "baseline", "name": "Current", "sites": { "H1": ["op"], "H2": ["op"] } },
          "options": [ { "id": "A", "name": "Close H2", "sites": { "H1": ["op"] } },
                       { "id": "B", "name": "Move H2 to C3", "sites": { "H1": ["op"], "C3": ["op"] } } ],
          "matrices": { "car": { "file": "car.csv" } }
        }
        """;

    /// <summary>Writes the four files into a new folder and returns the scenario path.</summary>
    public static string WriteAll(string? scenarioText = null, string? matrixText = null, string? zonesText = null)
    {
        var folder = TestFiles.NewFolder();
        TestFiles.Write(folder, "zones.csv", (zonesText ?? Zones) + "\n");
        TestFiles.Write(folder, "sites.csv", Sites + "\n");
        TestFiles.Write(folder, "car.csv", matrixText ?? Matrix());
        return TestFiles.Write(folder, "scenario.json", scenarioText ?? Scenario);
    }
}

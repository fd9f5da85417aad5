namespace Geo.Catchment.Tests.Scenarios;

/// <summary>
/// The hand-computed "board" scenario: integer-minute matrices (so band edges are hit exactly), two wards named
/// "Brooklands" in two local authorities, an IMD quintile of one zone, and a transit matrix with fares.
///
///   zone  pop   IMD decile (quintile)  ward code  ward name   LA code    LA name     | car min S1  S2 | transit min S1 S2, fare S1 S2
///   Z1   1000   10 (Q5)                E05000001  Brooklands  E08000003  Manchester  |         15  30 |             25  40     2.00 4.50
///   Z2   1000    5 (Q3)                E05000001  Brooklands  E08000003  Manchester  |         30  10 |             40  20     2.00 4.50
///   Z3   1000    5 (Q3)                E05000002  Brooklands  E08000009  Trafford    |         30  20 |             40  30     2.00 4.50
///   Z4   1000    6 (Q3)                E05000002  Brooklands  E08000009  Trafford    |         45  20 |             55  30     2.00 4.50
///   Z5   1000    1 (Q1, Core20)        E05000003  Altrincham  E08000009  Trafford    |         60  15 |             70  25     2.00 4.50
///   Z6   1000   10 (Q5)                E05000003  Altrincham  E08000009  Trafford    |         61  30 |             71  40     2.00 4.50
///
/// baseline = {S1, S2}; option A = {S1} (S2 closes). Car km = minutes / 2. Costs: built-in defaults (2 journeys per visit).
/// Visits per year: 3 per resident ("visits" column), so 3,000 per zone and 18,000 in all.
/// </summary>
internal static class BoardScenario
{
    public const string Zones = """
        zone_id,zone_name,lon,lat,population,imd_decile,ward_code,ward_name,la_code,la_name,visits
        Z1,Zone one,-1.30,50.70,1000,10,E05000001,Brooklands,E08000003,Manchester,3000
        Z2,Zone two,-1.29,50.70,1000,5,E05000001,Brooklands,E08000003,Manchester,3000
        Z3,Zone three,-1.28,50.70,1000,5,E05000002,Brooklands,E08000009,Trafford,3000
        Z4,Zone four,-1.27,50.70,1000,6,E05000002,Brooklands,E08000009,Trafford,3000
        Z5,Zone five,-1.26,50.70,1000,1,E05000003,Altrincham,E08000009,Trafford,3000
        Z6,Zone six,-1.25,50.70,1000,10,E05000003,Altrincham,E08000009,Trafford,3000
        """;

    public const string Sites = """
        site_id,site_name,lon,lat
        S1,Site one,-1.30,50.71
        S2,Site two,-1.28,50.71
        """;

    public static readonly int[,] CarMinutes = { { 15, 30 }, { 30, 10 }, { 30, 20 }, { 45, 20 }, { 60, 15 }, { 61, 30 } };
    public static readonly double[] FareGbp = [2.00, 4.50];

    public static string CarMatrix() => Matrix(CarMinutes, 0, fares: false);

    /// <summary>Transit = car + 10 minutes, with a fare per destination.</summary>
    public static string TransitMatrix() => Matrix(CarMinutes, 10, fares: true);

    private static string Matrix(int[,] minutes, int add, bool fares)
    {
        var lines = new List<string> { fares ? "origin_id,destination_id,minutes,km,fare_gbp,status" : "origin_id,destination_id,minutes,km,status" };
        for (var z = 0; z < 6; z++)
        {
            for (var s = 0; s < 2; s++)
            {
                var m = minutes[z, s] + add;
                lines.Add(fares
                    ? FormattableString.Invariant($"Z{z + 1},S{s + 1},{m},,{FareGbp[s]},ok")
                    : FormattableString.Invariant($"Z{z + 1},S{s + 1},{m},{m / 2.0},ok"));
            }
        }
        return string.Join("\n", lines) + "\n";
    }

    public const string Scenario = """
        {
          "name": "Board scenario (hand-computed)",
          "zones": { "file": "zones.csv", "population": "population", "imdDecile": "imd_decile",
                     "ward": "ward_name", "wardCode": "ward_code", "localAuthority": "la_name", "localAuthorityCode": "la_code",
                     "extra": ["visits"] },
          "sites": { "file": "sites.csv" },
          "modes": ["car", "transit"],
          "services": ["op"],
          "baseline": { "id": "baseline", "name": "Current", "sites": { "S1": ["op"], "S2": ["op"] } },
          "options": [ { "id": "A", "name": "Close S2", "sites": { "S1": ["op"] } } ],
          "matrices": { "car": { "file": "car.csv" }, "transit": { "file": "transit.csv" } },
          "equality": { "minGroupPeople": 2000, "minGroupZones": 2 },
          "visitsPerYear": { "zoneColumn": "visits" },
          "ranking": { "meanMinutes": 1, "p90Minutes": 0, "over30Minutes": 0, "equalityFlags": 0 }
        }
        """;

    public static string WriteAll(string? scenarioText = null, string? carMatrix = null)
    {
        var folder = TestFiles.NewFolder();
        TestFiles.Write(folder, "zones.csv", Zones + "\n");
        TestFiles.Write(folder, "sites.csv", Sites + "\n");
        TestFiles.Write(folder, "car.csv", carMatrix ?? CarMatrix());
        TestFiles.Write(folder, "transit.csv", TransitMatrix());
        return TestFiles.Write(folder, "scenario.json", scenarioText ?? Scenario);
    }
}

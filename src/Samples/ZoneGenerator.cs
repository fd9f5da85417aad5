namespace Geo.Samples;

/// <summary>
/// Places 100 zones over the settlements (45 in Harrowby, 15 in Kingsford, 12 in Amberleigh, 4-5 per village) on jittered
/// cells, each within 300 m of a road node, and gives them seeded, plausible attributes: deprivation concentrated in
/// Harrowby's Southgate ward, older and car-owning villages, ten wards in two local authorities.
/// </summary>
internal static class ZoneGenerator
{
    public const double MaxRoadNodeMetres = 300;

    /// <summary>Number of LSOAs ranked by the English Indices of Deprivation 2019 (rank 1 = most deprived).</summary>
    private const int EnglandLsoaCount = 32_844;

    public const string HarrowbyDistrict = "Harrowby District";
    public const string EastValeDistrict = "East Vale District";

    public static IReadOnlyList<SampleZone> Generate(SampleNetwork network, SampleRandom random)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(random);
        var zones = new List<SampleZone>(100);
        foreach (var s in network.Settlements)
        {
            var points = s.Kind switch
            {
                SettlementKind.Town => Cells(s, 9, 5, random),
                SettlementKind.SmallTown when s.Name == "Kingsford" => Cells(s, 5, 3, random),
                SettlementKind.SmallTown => Cells(s, 4, 3, random),
                _ => Ring(s, s.Name is "Eastwick Magna" or "Fernhill" ? 4 : 5, random),
            };
            var number = 0;
            foreach (var (x, y) in points)
            {
                number++;
                var distance = network.NearestRoadNodeMetres(x, y, out _);
                if (distance > MaxRoadNodeMetres)
                {
                    throw new InvalidOperationException($"zone {s.Name} {number} is {distance:F0} m from the nearest road node");
                }
                zones.Add(Attributes(zones.Count + 1, s, number, x, y, random));
            }
        }
        return zones;
    }

    private static List<(double X, double Y)> Cells(Settlement s, int columns, int rows, SampleRandom random)
    {
        var points = new List<(double, double)>(columns * rows);
        var width = 2 * s.HalfWidthMetres / columns;
        var height = 2 * s.HalfHeightMetres / rows;
        for (var r = rows - 1; r >= 0; r--)
        {
            for (var c = 0; c < columns; c++)
            {
                var x = s.CentreX - s.HalfWidthMetres + (c + 0.5) * width + random.Range(-0.2, 0.2) * width;
                var y = s.CentreY - s.HalfHeightMetres + (r + 0.5) * height + random.Range(-0.2, 0.2) * height;
                points.Add((Math.Round(x, 1), Math.Round(y, 1)));
            }
        }
        return points;
    }

    private static List<(double X, double Y)> Ring(Settlement s, int count, SampleRandom random)
    {
        var points = new List<(double, double)>(count);
        var start = random.Range(0, 2 * Math.PI);
        for (var i = 0; i < count; i++)
        {
            var angle = start + i * 2 * Math.PI / count + random.Range(-0.2, 0.2);
            var radius = random.Range(120, 220);
            points.Add((Math.Round(s.CentreX + radius * Math.Cos(angle), 1), Math.Round(s.CentreY + radius * Math.Sin(angle), 1)));
        }
        return points;
    }

    private static SampleZone Attributes(int index, Settlement s, int number, double x, double y, SampleRandom random)
    {
        string ward;
        string authority = HarrowbyDistrict;
        string ruralUrban;
        int decile;
        double olderShare;
        switch (s.Name)
        {
            case "Harrowby":
                ruralUrban = "Urban city and town";
                var east = x >= s.CentreX;
                var north = y >= s.CentreY;
                (ward, decile, olderShare) = (north, east) switch
                {
                    (true, false) => ("Harrowby Castle", random.Int(6, 9), random.Range(0.18, 0.26)),
                    (true, true) => ("Harrowby Market", random.Int(4, 7), random.Range(0.13, 0.20)),
                    (false, false) => ("Harrowby Westfield", random.Int(3, 6), random.Range(0.12, 0.19)),
                    _ => ("Harrowby Southgate", random.Int(1, 3), random.Range(0.09, 0.15)),
                };
                break;
            case "Kingsford":
                ruralUrban = "Urban city and town";
                authority = EastValeDistrict;
                ward = y >= s.CentreY ? "Kingsford North" : "Kingsford South";
                decile = random.Int(4, 8);
                olderShare = random.Range(0.18, 0.26);
                break;
            case "Amberleigh":
                ruralUrban = "Rural town and fringe";
                ward = "Amberleigh";
                decile = random.Int(3, 7);
                olderShare = random.Range(0.19, 0.27);
                break;
            default:
                ruralUrban = "Rural village and dispersed";
                (ward, authority) = s.Name switch
                {
                    "Ashcombe" or "Brookhampton" => ("West Downs", HarrowbyDistrict),
                    "Cold Ridley" or "Dunstow" => ("Ridley and Dunstow", HarrowbyDistrict),
                    _ => ("East Vale Villages", EastValeDistrict),
                };
                decile = random.Int(6, 10);
                olderShare = random.Range(0.27, 0.38);
                break;
        }
        var population = random.Int(1_150, 2_350);
        var age65 = (int)Math.Round(population * olderShare, MidpointRounding.AwayFromZero);
        var lowRank = (int)((long)(decile - 1) * EnglandLsoaCount / 10) + 1;
        var highRank = (int)((long)decile * EnglandLsoaCount / 10);
        var rank = random.Int(lowRank, highRank);
        var car = 0.42 + 0.05 * decile + random.Range(-0.04, 0.04) + (s.Kind == SettlementKind.Village ? 0.04 : 0);
        car = Math.Round(Math.Clamp(car, 0.3, 0.97), 3);
        var zoneId = "S01" + index.ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
        var zoneName = s.Name + " " + number.ToString("000", System.Globalization.CultureInfo.InvariantCulture);
        return new SampleZone(zoneId, zoneName, x, y, population, age65, decile, rank, ward, authority, car, ruralUrban);
    }
}

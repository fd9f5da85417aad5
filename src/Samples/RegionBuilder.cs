namespace Geo.Samples;

/// <summary>
/// Lays out the fictional region (about 30 x 20 km, local metres around <see cref="LocalProjection"/>'s centre):
/// the town of Harrowby (street grid, one-way streets, a roundabout, a turn restriction), the small towns of
/// Kingsford and Amberleigh, six villages, and the A roads, a short dual carriageway, B roads, lanes, footpaths,
/// a cycleway, a private drive and one deliberately isolated private track that join them.
/// Every id and position is fixed by the code; the seed only bends the rural roads a little.
/// </summary>
internal static class RegionBuilder
{
    public const double HalfWidthMetres = 15_000;
    public const double HalfHeightMetres = 10_000;

    private const string Mph20 = "20 mph";
    private const string Mph30 = "30 mph";

    public static SampleNetwork Build(SampleRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var net = new SampleNetwork();

        // ---------------------------------------------------------------- Harrowby (the town): 9 x 7 grid, 250 m blocks
        var harrowby = AddSettlement(net, "Harrowby", SettlementKind.Town, -4000, 0, 1000, 750);
        var h = Grid(net, harrowby, -5000, -750, 9, 7, 250);
        string[] rowNames = ["Mill Lane", "Southgate", "Tanner Street", "High Street", "Chapel Road", "Castle Street", "Northfield Road"];
        string[] columnNames = ["West Street", "Abbey Road", "Park Road", "Church Lane", "Station Road", "Market Street", "Hospital Road", "Queen Street", "East Street"];

        // Roundabout east of the grid (UK: traffic runs clockwise, so the ring is drawn clockwise).
        const double rbX = -2700, rbY = 0, rbR = 40;
        var ring = new long[8];
        double[] ringDegrees = [90, 45, 0, -45, -90, -135, 180, 135];
        for (var i = 0; i < ring.Length; i++)
        {
            var radians = ringDegrees[i] * Math.PI / 180;
            ring[i] = net.AddNode(rbX + rbR * Math.Cos(radians), rbY + rbR * Math.Sin(radians));
            harrowby.NodeIds.Add(ring[i]);
        }
        long rbNorth = ring[0], rbEast = ring[2], rbSouthEast = ring[3], rbWest = ring[6];
        net.AddWay([.. ring, ring[0]], ("highway", "primary"), ("junction", "roundabout"), ("name", "Harrowby Roundabout"), ("maxspeed", Mph30));

        for (var r = 0; r < 7; r++)
        {
            var nodes = new List<long>();
            for (var c = 0; c < 9; c++)
            {
                nodes.Add(h[c, r]);
            }
            switch (r)
            {
                case 1:
                    net.AddWay(nodes, ("highway", "residential"), ("name", rowNames[r]), ("maxspeed", Mph20), ("oneway", "yes"));
                    break;
                case 3:
                    nodes.Add(rbWest);
                    net.AddWay(nodes, ("highway", "tertiary"), ("name", rowNames[r]), ("maxspeed", Mph30));
                    break;
                case 5:
                    net.AddWay(nodes, ("highway", "residential"), ("name", rowNames[r]), ("maxspeed", Mph20), ("oneway", "-1"));
                    break;
                default:
                    net.AddWay(nodes, ("highway", "residential"), ("name", rowNames[r]), ("maxspeed", r % 2 == 0 ? Mph30 : Mph20));
                    break;
            }
        }
        long westStreetSouth = 0;
        for (var c = 0; c < 9; c++)
        {
            var nodes = new List<long>();
            for (var r = 0; r < 7; r++)
            {
                nodes.Add(h[c, r]);
            }
            switch (c)
            {
                case 0:
                    // Split at High Street so the turn restriction's "to" way starts at the via node.
                    westStreetSouth = net.AddWay([h[0, 3], h[0, 2], h[0, 1], h[0, 0]], ("highway", "residential"), ("name", columnNames[c]), ("maxspeed", Mph30));
                    net.AddWay([h[0, 3], h[0, 4], h[0, 5], h[0, 6]], ("highway", "residential"), ("name", columnNames[c]), ("maxspeed", Mph30));
                    break;
                case 2:
                    net.AddWay(nodes, ("highway", "residential"), ("name", columnNames[c]), ("maxspeed", Mph20), ("oneway", "yes"));
                    break;
                case 4:
                    net.AddWay(nodes, ("highway", "tertiary"), ("name", columnNames[c]), ("maxspeed", Mph30));
                    break;
                case 6:
                    nodes.Reverse();
                    net.AddWay(nodes, ("highway", "residential"), ("name", columnNames[c]), ("maxspeed", Mph20), ("oneway", "yes"));
                    break;
                default:
                    net.AddWay(nodes, ("highway", "residential"), ("name", columnNames[c]), ("maxspeed", Mph30));
                    break;
            }
        }
        // A footpath across the park between Abbey Road and Park Road.
        var parkMid = net.AddNode(-4625, -375);
        harrowby.NodeIds.Add(parkMid);
        net.AddWay([h[1, 1], parkMid, h[2, 2]], ("highway", "footway"), ("name", "Park Walk"));

        // ---------------------------------------------------------------- Kingsford and Amberleigh (small towns)
        var kingsford = AddSettlement(net, "Kingsford", SettlementKind.SmallTown, 8400, 4500, 400, 300);
        var k = Grid(net, kingsford, 8000, 4200, 5, 4, 200);
        GridWays(net, k, 5, 4, ["Kingsford Road", "Bridge Street", "Market Place", "Manor Road"], ["Mill Street", "Bell Lane", "Fore Street", "Dean Street", "Old Road"]);
        var amberleigh = AddSettlement(net, "Amberleigh", SettlementKind.SmallTown, 5000, -5000, 300, 300);
        var a = Grid(net, amberleigh, 4700, -5300, 4, 4, 200);
        GridWays(net, a, 4, 4, ["Shore Road", "The Square", "Orchard Way", "Hill Road"], ["Ferry Lane", "School Lane", "Green Lane", "Quay Street"]);

        // ---------------------------------------------------------------- villages: a crossroads with four 300 m arms
        var ashcombe = Village(net, "Ashcombe", -12000, 6000);
        var brookhampton = Village(net, "Brookhampton", -11000, -6000);
        var coldRidley = Village(net, "Cold Ridley", -1000, 7500);
        var dunstow = Village(net, "Dunstow", 1500, -7000);
        var eastwick = Village(net, "Eastwick Magna", 13000, -2000);
        var fernhill = Village(net, "Fernhill", 12500, 8000);

        // ---------------------------------------------------------------- A roads and the dual carriageway
        // Harrowby roundabout -> Kingsford: primary, then 3.5 km of dual carriageway (trunk), then primary again.
        var kWest = k[0, 1];
        var (ex, ey) = (net.Node(rbEast).XMetres, net.Node(rbEast).YMetres);
        var (kx, ky) = (net.Node(kWest).XMetres, net.Node(kWest).YMetres);
        var p1 = net.AddNode(ex + 0.3 * (kx - ex), ey + 0.3 * (ky - ey));
        var p2 = net.AddNode(ex + 0.6 * (kx - ex), ey + 0.6 * (ky - ey));
        net.AddWay(Road(net, random, rbEast, p1, 400, 60), ("highway", "primary"), ("ref", "A3054"), ("name", "Kingsford Road"), ("maxspeed", "GB:nsl_single"));
        DualCarriageway(net, p1, p2, 500, 12);
        net.AddWay(Road(net, random, p2, kWest, 400, 60), ("highway", "primary"), ("ref", "A3054"), ("maxspeed", "GB:nsl_single"));
        // Harrowby roundabout -> Amberleigh.
        net.AddWay(Road(net, random, rbSouthEast, a[1, 3], 400, 120), ("highway", "primary"), ("ref", "A3055"), ("maxspeed", "GB:nsl_single"));
        // Harrowby west (High Street end) -> a junction 4 km west; the turn restriction sits where it meets West Street.
        var westJunction = net.AddNode(-9000, 0);
        var aWest = net.AddWay(Road(net, random, westJunction, h[0, 3], 400, 80), ("highway", "primary"), ("ref", "A3056"), ("name", "Downs Road"), ("maxspeed", "GB:nsl_single"));
        // Eastbound on Downs Road into High Street, a right turn is south into West Street: banned.
        net.AddRestriction(aWest, h[0, 3], westStreetSouth, "no_right_turn");

        // ---------------------------------------------------------------- B roads (secondary / tertiary)
        net.AddWay(Road(net, random, westJunction, ashcombe.South, 400, 150), ("highway", "secondary"), ("ref", "B3321"), ("maxspeed", "GB:nsl_single"));
        net.AddWay(Road(net, random, westJunction, brookhampton.North, 400, 150), ("highway", "secondary"), ("ref", "B3322"), ("maxspeed", "GB:nsl_single"));
        net.AddWay(Road(net, random, rbNorth, coldRidley.South, 400, 150), ("highway", "secondary"), ("ref", "B3323"), ("maxspeed", "GB:nsl_single"));
        net.AddWay(Road(net, random, k[4, 1], fernhill.South, 400, 150), ("highway", "secondary"), ("ref", "B3324"), ("maxspeed", "GB:nsl_single"));
        net.AddWay(Road(net, random, a[0, 1], dunstow.East, 400, 100), ("highway", "tertiary"), ("maxspeed", "GB:nsl_single"));
        net.AddWay(Road(net, random, a[3, 1], eastwick.West, 400, 200), ("highway", "tertiary"), ("maxspeed", "GB:nsl_single"));
        net.AddWay(Road(net, random, k[2, 0], eastwick.North, 400, 200), ("highway", "tertiary"), ("maxspeed", "GB:nsl_single"));

        // ---------------------------------------------------------------- unclassified lanes
        net.AddWay(Road(net, random, ashcombe.East, coldRidley.West, 500, 300), ("highway", "unclassified"), ("maxspeed", "national"));
        net.AddWay(Road(net, random, brookhampton.East, dunstow.West, 500, 300), ("highway", "unclassified"), ("maxspeed", "national"));
        net.AddWay(Road(net, random, h[4, 0], dunstow.North, 400, 200), ("highway", "unclassified"), ("name", "Dunstow Lane"), ("maxspeed", "GB:nsl_single"));
        net.AddWay(Road(net, random, coldRidley.East, k[0, 3], 500, 250), ("highway", "unclassified"), ("maxspeed", "national"));
        net.AddWay(Road(net, random, fernhill.East, eastwick.North, 500, 250), ("highway", "unclassified"), ("maxspeed", "national"));

        // ---------------------------------------------------------------- paths, cycleway, private roads
        net.AddWay(Road(net, random, dunstow.South, a[0, 0], 300, 150), ("highway", "footway"), ("designation", "public_footpath"), ("name", "Dunstow Field Path"));
        net.AddWay(Road(net, random, coldRidley.North, coldRidley.West, 150, 60), ("highway", "path"), ("foot", "designated"), ("bicycle", "no"));
        net.AddWay(Road(net, random, h[8, 0], a[0, 3], 300, 250), ("highway", "cycleway"), ("name", "Amberleigh Cycle Route"), ("foot", "designated"), ("segregated", "no"));
        var manor = net.AddNode(9300, 5300);
        net.AddWay([k[4, 3], manor], ("highway", "service"), ("access", "private"), ("name", "Manor Drive"));
        // Deliberately isolated: touches no other way (a test for island pruning and snapping).
        var t1 = net.AddNode(-8000, -8500);
        var t2 = net.AddNode(-7500, -8700);
        var t3 = net.AddNode(-7000, -8650);
        var t4 = net.AddNode(-6500, -9000);
        net.AddWay([t1, t2, t3, t4], ("highway", "track"), ("access", "private"), ("tracktype", "grade3"));

        // ---------------------------------------------------------------- landmarks for stops and sites
        net.Landmarks.Add("Harrowby Bus Station", h[4, 3]);
        net.Landmarks.Add("Harrowby General Hospital", h[6, 4]);
        net.Landmarks.Add("Harrowby High Street East", h[8, 3]);
        net.Landmarks.Add("Harrowby Castle Street", h[1, 5]);
        net.Landmarks.Add("Harrowby Southgate", h[6, 1]);
        net.Landmarks.Add("Harrowby West Street", h[0, 3]);
        net.Landmarks.Add("Harrowby Northfield", h[4, 6]);
        net.Landmarks.Add("Harrowby Station Road South", h[4, 0]);
        net.Landmarks.Add("Harrowby Park", h[2, 2]);
        net.Landmarks.Add("Harrowby Roundabout", rbNorth);
        net.Landmarks.Add("Kingsford Market Place", k[2, 1]);
        net.Landmarks.Add("Kingsford Community Hospital", k[3, 2]);
        net.Landmarks.Add("Kingsford East", k[4, 1]);
        net.Landmarks.Add("Kingsford Bell Lane", k[1, 3]);
        net.Landmarks.Add("Amberleigh Square", a[1, 1]);
        net.Landmarks.Add("Amberleigh North", a[1, 3]);
        net.Landmarks.Add("Amberleigh Quay", a[3, 2]);
        foreach (var v in (VillageNodes[])[ashcombe, brookhampton, coldRidley, dunstow, eastwick, fernhill])
        {
            net.Landmarks.Add(v.Name + " Green", v.Centre);
        }

        // Settlement label nodes (not part of any way).
        foreach (var s in net.Settlements)
        {
            var label = net.AddNode(s.CentreX, s.CentreY + 20);
            var node = net.Node(label);
            node.Tags.Add(new("place", s.Kind switch { SettlementKind.Town => "town", SettlementKind.SmallTown => "town", _ => "village" }));
            node.Tags.Add(new("name", s.Name));
        }
        return net;
    }

    private static Settlement AddSettlement(SampleNetwork net, string name, SettlementKind kind, double x, double y, double halfWidth, double halfHeight)
    {
        var s = new Settlement(name, kind, x, y, halfWidth, halfHeight);
        net.Settlements.Add(s);
        return s;
    }

    private static long[,] Grid(SampleNetwork net, Settlement settlement, double x0, double y0, int columns, int rows, double spacing)
    {
        var ids = new long[columns, rows];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                ids[c, r] = net.AddNode(x0 + c * spacing, y0 + r * spacing);
                settlement.NodeIds.Add(ids[c, r]);
            }
        }
        return ids;
    }

    private static void GridWays(SampleNetwork net, long[,] ids, int columns, int rows, string[] rowNames, string[] columnNames)
    {
        for (var r = 0; r < rows; r++)
        {
            var nodes = new List<long>();
            for (var c = 0; c < columns; c++)
            {
                nodes.Add(ids[c, r]);
            }
            net.AddWay(nodes, ("highway", r == 1 ? "tertiary" : "residential"), ("name", rowNames[r]), ("maxspeed", Mph30));
        }
        for (var c = 0; c < columns; c++)
        {
            var nodes = new List<long>();
            for (var r = 0; r < rows; r++)
            {
                nodes.Add(ids[c, r]);
            }
            net.AddWay(nodes, ("highway", "residential"), ("name", columnNames[c]), ("maxspeed", Mph30));
        }
    }

    private sealed record VillageNodes(string Name, long Centre, long North, long South, long East, long West);

    private static VillageNodes Village(SampleNetwork net, string name, double x, double y)
    {
        var s = AddSettlement(net, name, SettlementKind.Village, x, y, 300, 300);
        var centre = net.AddNode(x, y);
        var n1 = net.AddNode(x, y + 150);
        var n2 = net.AddNode(x, y + 300);
        var s1 = net.AddNode(x, y - 150);
        var s2 = net.AddNode(x, y - 300);
        var e1 = net.AddNode(x + 150, y);
        var e2 = net.AddNode(x + 300, y);
        var w1 = net.AddNode(x - 150, y);
        var w2 = net.AddNode(x - 300, y);
        s.NodeIds.AddRange([centre, n1, n2, s1, s2, e1, e2, w1, w2]);
        net.AddWay([w2, w1, centre, e1, e2], ("highway", "residential"), ("name", name + " Street"), ("maxspeed", Mph30));
        net.AddWay([s2, s1, centre, n1, n2], ("highway", "residential"), ("name", "Church Road"), ("maxspeed", Mph30));
        return new VillageNodes(name, centre, n2, s2, e2, w2);
    }

    /// <summary>
    /// Nodes of a rural road from <paramref name="from"/> to <paramref name="to"/> (both included): intermediate nodes
    /// about every <paramref name="spacingMetres"/>, bent sideways by a smooth seeded curve of up to <paramref name="bendMetres"/>.
    /// </summary>
    private static List<long> Road(SampleNetwork net, SampleRandom random, long from, long to, double spacingMetres, double bendMetres)
    {
        var a = net.Node(from);
        var b = net.Node(to);
        var dx = b.XMetres - a.XMetres;
        var dy = b.YMetres - a.YMetres;
        var length = Math.Sqrt(dx * dx + dy * dy);
        var (px, py) = (-dy / length, dx / length);
        var segments = Math.Max(1, (int)Math.Round(length / spacingMetres));
        var k1 = random.Range(-1, 1);
        var k2 = random.Range(-0.5, 0.5);
        var nodes = new List<long>(segments + 1) { from };
        for (var i = 1; i < segments; i++)
        {
            var t = (double)i / segments;
            var offset = bendMetres * (k1 * Math.Sin(Math.PI * t) + k2 * Math.Sin(2 * Math.PI * t));
            nodes.Add(net.AddNode(Math.Round(a.XMetres + t * dx + offset * px, 1), Math.Round(a.YMetres + t * dy + offset * py, 1)));
        }
        nodes.Add(to);
        return nodes;
    }

    /// <summary>Two one-way trunk carriageways between <paramref name="from"/> and <paramref name="to"/>, kept apart sideways (traffic on the left).</summary>
    private static void DualCarriageway(SampleNetwork net, long from, long to, double spacingMetres, double halfGapMetres)
    {
        var a = net.Node(from);
        var b = net.Node(to);
        var dx = b.XMetres - a.XMetres;
        var dy = b.YMetres - a.YMetres;
        var length = Math.Sqrt(dx * dx + dy * dy);
        var (leftX, leftY) = (-dy / length, dx / length);
        var segments = Math.Max(2, (int)Math.Round(length / spacingMetres));
        var outbound = new List<long> { from };
        var inbound = new List<long> { to };
        for (var i = 1; i < segments; i++)
        {
            var t = (double)i / segments;
            outbound.Add(net.AddNode(Math.Round(a.XMetres + t * dx + halfGapMetres * leftX, 1), Math.Round(a.YMetres + t * dy + halfGapMetres * leftY, 1)));
        }
        for (var i = segments - 1; i >= 1; i--)
        {
            var t = (double)i / segments;
            inbound.Add(net.AddNode(Math.Round(a.XMetres + t * dx - halfGapMetres * leftX, 1), Math.Round(a.YMetres + t * dy - halfGapMetres * leftY, 1)));
        }
        outbound.Add(to);
        inbound.Add(from);
        (string, string)[] tags = [("highway", "trunk"), ("ref", "A3054"), ("name", "Kingsford Bypass"), ("oneway", "yes"), ("dual_carriageway", "yes"), ("lanes", "2"), ("maxspeed", "70 mph")];
        net.AddWay(outbound, tags);
        net.AddWay(inbound, tags);
    }
}

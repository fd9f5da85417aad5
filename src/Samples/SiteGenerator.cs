namespace Geo.Samples;

/// <summary>
/// Places the hospitals, community candidate sites, vaccination candidates and care homes next to named road nodes
/// (a fixed offset of 40-90 m, so each is close to, but not exactly on, the road).
/// </summary>
internal static class SiteGenerator
{
    /// <summary>Existing hospitals and community candidates: the scenario's sites file.</summary>
    public static IReadOnlyList<SampleSite> Sites(SampleNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return
        [
            Near(network, "H1", "Harrowby General Hospital", "general_hospital", "Harrowby General Hospital", 60, 70),
            Near(network, "H2", "Kingsford Community Hospital", "community_hospital", "Kingsford Community Hospital", 50, 60),
            Near(network, "C1", "Southgate Health Centre", "health_centre", "Harrowby Southgate", -50, 40),
            Near(network, "C2", "Kingsford Health Centre", "health_centre", "Kingsford Market Place", 40, -50),
            Near(network, "C3", "Amberleigh Health Centre", "health_centre", "Amberleigh Square", 50, 50),
            Near(network, "C4", "Harrowby Leisure Centre", "leisure_centre", "Harrowby Park", 70, -60),
            Near(network, "C5", "Cold Ridley Pharmacy", "pharmacy", "Cold Ridley Green", 40, 30),
            Near(network, "C6", "Eastwick Magna Pharmacy", "pharmacy", "Eastwick Magna Green", -40, 30),
            Near(network, "C7", "Ashcombe Surgery", "health_centre", "Ashcombe Green", 40, -40),
        ];
    }

    /// <summary>Vaccination candidates for placement: the community sites plus three village halls.</summary>
    public static IReadOnlyList<SampleSite> CommunitySites(SampleNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var list = new List<SampleSite>();
        foreach (var site in Sites(network))
        {
            if (site.Id.StartsWith('C'))
            {
                list.Add(site);
            }
        }
        list.Add(Near(network, "C8", "Brookhampton Village Hall", "village_hall", "Brookhampton Green", -45, -45));
        list.Add(Near(network, "C9", "Dunstow Village Hall", "village_hall", "Dunstow Green", 45, 45));
        list.Add(Near(network, "C10", "Fernhill Church Hall", "village_hall", "Fernhill Green", -45, 45));
        return list;
    }

    /// <summary>Fifteen care homes spread over the settlements, with seeded bed counts.</summary>
    public static IReadOnlyList<SampleSite> CareHomes(SampleNetwork network, SampleRandom random)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(random);
        (string Settlement, string Name)[] homes =
        [
            ("Harrowby", "Castle View"), ("Harrowby", "The Limes"), ("Harrowby", "Abbey Court"), ("Harrowby", "Southgate House"),
            ("Harrowby", "Meadowbank"), ("Kingsford", "Kingsford Lodge"), ("Kingsford", "Riverside Manor"), ("Amberleigh", "Quayside"),
            ("Amberleigh", "Orchard House"), ("Ashcombe", "Ashcombe Grange"), ("Brookhampton", "The Old Rectory"),
            ("Cold Ridley", "Ridley Hall"), ("Dunstow", "Dunstow House"), ("Eastwick Magna", "Magna Park"), ("Fernhill", "Fernhill Lodge"),
        ];
        var list = new List<SampleSite>(homes.Length);
        for (var i = 0; i < homes.Length; i++)
        {
            var settlement = network.Settlement(homes[i].Settlement);
            var node = network.Node(settlement.NodeIds[random.Int(0, settlement.NodeIds.Count - 1)]);
            var angle = random.Range(0, 2 * Math.PI);
            var distance = random.Range(30, 90);
            var id = "CH" + (i + 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
            list.Add(new SampleSite(id, homes[i].Name + " Care Home", "care_home",
                Math.Round(node.XMetres + distance * Math.Cos(angle), 1), Math.Round(node.YMetres + distance * Math.Sin(angle), 1),
                random.Int(4, 16) * 5));
        }
        return list;
    }

    private static SampleSite Near(SampleNetwork network, string id, string name, string kind, string landmark, double dx, double dy)
    {
        var node = network.Node(network.Landmarks[landmark]);
        return new SampleSite(id, name, kind, node.XMetres + dx, node.YMetres + dy);
    }
}

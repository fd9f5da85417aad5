using System.Globalization;
using System.Text;
using Geo.Core;

namespace Geo.Samples;

/// <summary>Writes the zone, site and care-home CSV files (RFC 4180, UTF-8, "\n" line ends, invariant culture, 7-decimal degrees).</summary>
internal static class SampleCsvWriter
{
    public const string ZonesHeader = "zone_id,zone_name,lon,lat,population,age65plus,imd_decile,imd_rank,ward,local_authority,car_access_share,rural_urban";
    public const string SitesHeader = "site_id,site_name,kind,lon,lat";
    public const string CareHomesHeader = "id,name,lon,lat,beds";
    public const string CensusHeader = "zone_id,ethnic_white,ethnic_asian,ethnic_black,ethnic_mixed,ethnic_other,disabled,female,male,households_no_car,households_with_car";

    public static void WriteZones(string path, IReadOnlyList<SampleZone> zones)
    {
        ArgumentNullException.ThrowIfNull(zones);
        var sb = new StringBuilder(ZonesHeader).Append('\n');
        foreach (var z in zones)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"{z.ZoneId},{CsvText.Escape(z.ZoneName)},{Degrees(z.Lon)},{Degrees(z.Lat)},{z.Population},{z.Age65Plus},{z.ImdDecile},{z.ImdRank},{CsvText.Escape(z.Ward)},{CsvText.Escape(z.LocalAuthority)},{z.CarAccessShare.ToString("0.000", CultureInfo.InvariantCulture)},{CsvText.Escape(z.RuralUrban)}\n");
        }
        AtomicFile.WriteAllText(path, sb.ToString());
    }

    public static void WriteSites(string path, IReadOnlyList<SampleSite> sites)
    {
        ArgumentNullException.ThrowIfNull(sites);
        var sb = new StringBuilder(SitesHeader).Append('\n');
        foreach (var s in sites)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{s.Id},{CsvText.Escape(s.Name)},{s.Kind},{Degrees(s.Lon)},{Degrees(s.Lat)}\n");
        }
        AtomicFile.WriteAllText(path, sb.ToString());
    }

    public static void WriteCareHomes(string path, IReadOnlyList<SampleSite> homes)
    {
        ArgumentNullException.ThrowIfNull(homes);
        var sb = new StringBuilder(CareHomesHeader).Append('\n');
        foreach (var s in homes)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{s.Id},{CsvText.Escape(s.Name)},{Degrees(s.Lon)},{Degrees(s.Lat)},{s.Beds}\n");
        }
        AtomicFile.WriteAllText(path, sb.ToString());
    }

    public static void WriteCensus(string path, IReadOnlyList<SampleCensus> census)
    {
        ArgumentNullException.ThrowIfNull(census);
        var sb = new StringBuilder(CensusHeader).Append('\n');
        foreach (var c in census)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"{c.ZoneId},{c.White},{c.Asian},{c.Black},{c.Mixed},{c.OtherEthnicity},{c.Disabled},{c.Female},{c.Male},{c.HouseholdsNoCar},{c.HouseholdsWithCar}\n");
        }
        AtomicFile.WriteAllText(path, sb.ToString());
    }

    internal static string Degrees(double value) => value.ToString("F7", CultureInfo.InvariantCulture);
}

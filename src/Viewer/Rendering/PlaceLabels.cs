using Geo.Core;
using Geo.Viewer.Results;

namespace Geo.Viewer.Rendering;

/// <summary>
/// Place names for static maps: ward names (or, when there are too many wards, local authority names) at the mean centre
/// of their zones, and the names of the sites drawn (open, new or closing; not candidates). Too many labels make a map
/// unreadable, so each kind is left off above <see cref="MaxLabels"/>.
/// </summary>
internal static class PlaceLabels
{
    public const int MaxLabels = 40;

    /// <summary>Area names and positions (lon, lat): wards when there are 2..40, else local authorities when 2..40, else none.</summary>
    public static List<(string Name, double Lon, double Lat)> Areas(IReadOnlyList<GeoFeature> zones)
    {
        ArgumentNullException.ThrowIfNull(zones);
        var wards = Grouped(zones, z => z.GetString("ward_code") is { } code ? code : z.GetString("ward") is { } w ? w + "|" + AreaOutlines.AuthorityOf(z) : null, z => z.GetString("ward"));
        if (wards.Count is >= 2 and <= MaxLabels)
        {
            return wards;
        }
        var authorities = Grouped(zones, AreaOutlines.AuthorityOf, z => z.GetString(AreaOutlines.NameProperty) ?? z.GetString(AreaOutlines.CodeProperty));
        return authorities.Count is >= 2 and <= MaxLabels ? authorities : [];
    }

    /// <summary>Names of the drawn sites that are not candidates, with their points; none when there are more than the maximum.</summary>
    public static List<(string Name, double Lon, double Lat)> Sites(IEnumerable<(string Status, GeoFeature Site)> drawn)
    {
        ArgumentNullException.ThrowIfNull(drawn);
        var labels = new List<(string, double, double)>();
        foreach (var (status, site) in drawn)
        {
            if (status != SiteStatuses.Candidate && (site.GetString("site_name") ?? site.GetString("site_id")) is { Length: > 0 } name)
            {
                labels.Add((name, site.Parts[0][0], site.Parts[0][1]));
            }
        }
        return labels.Count <= MaxLabels ? labels : [];
    }

    private static List<(string Name, double Lon, double Lat)> Grouped(IReadOnlyList<GeoFeature> zones, Func<GeoFeature, string?> keyOf, Func<GeoFeature, string?> nameOf)
    {
        var groups = new Dictionary<string, (string Name, double Lon, double Lat, int N)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var zone in zones)
        {
            if (keyOf(zone) is not { } key || nameOf(zone) is not { Length: > 0 } name || !Centre(zone, out var lon, out var lat))
            {
                continue;
            }
            if (groups.TryGetValue(key, out var g))
            {
                groups[key] = (g.Name, g.Lon + lon, g.Lat + lat, g.N + 1);
            }
            else
            {
                groups[key] = (name, lon, lat, 1);
                order.Add(key);
            }
        }
        return order.ConvertAll(k => (groups[k].Name, groups[k].Lon / groups[k].N, groups[k].Lat / groups[k].N));
    }

    /// <summary>The centre of a zone's bounding box (first ring or point).</summary>
    private static bool Centre(GeoFeature zone, out double lon, out double lat)
    {
        lon = lat = 0;
        if (zone.Parts.Count == 0 || zone.Parts[0].Length < 2)
        {
            return false;
        }
        var part = zone.Parts[0];
        double minX = double.MaxValue, maxX = double.MinValue, minY = double.MaxValue, maxY = double.MinValue;
        for (var i = 0; i + 1 < part.Length; i += 2)
        {
            minX = Math.Min(minX, part[i]);
            maxX = Math.Max(maxX, part[i]);
            minY = Math.Min(minY, part[i + 1]);
            maxY = Math.Max(maxY, part[i + 1]);
        }
        lon = (minX + maxX) / 2;
        lat = (minY + maxY) / 2;
        return true;
    }
}

using System.Globalization;
using Geo.Catchment.Inputs;
using Geo.Catchment.Scenarios;
using Geo.Routing.Isochrones;
using Geo.Routing.Profiles;
using Geo.Routing.Streets;
using Geo.Viewer.Results;

namespace Geo.Pipeline;

/// <summary>
/// The scenario's "isochrones" block in <c>geo run</c>: for each road mode, around every site open in the baseline or any
/// option, the library's isochrone search (<see cref="IsochroneSearch"/>, as <c>geo isochrone</c>) for each band, polygons by
/// <see cref="IsochroneGeoJsonWriter"/>, one file isochrones/&lt;mode&gt;.geojson per mode (id = site id). Sites more than the
/// scenario's snap limit from a street are written with no geometry and status unsnapped, never dropped.
/// </summary>
internal static class IsochroneStage
{
    /// <summary>Builds every polygon in memory; <see cref="Write"/> writes them. Returns one set of bands per mode.</summary>
    public static (List<(string Mode, List<IsochroneGeoJsonWriter.Band> Bands)> Sets, string Detail) Build(Scenario scenario, StreetNetwork network, SiteTable sites)
    {
        var spec = scenario.Isochrones ?? throw new InvalidOperationException("the scenario has no isochrones block");
        var open = new HashSet<string>(scenario.AllOptions.SelectMany(o => o.Sites.Keys), StringComparer.Ordinal);
        var siteList = Enumerable.Range(0, sites.Count).Select(i => sites[i]).Where(s => open.Contains(s.Id)).ToList();
        var minutes = spec.Minutes.Distinct().Order().ToArray();
        var thresholds = minutes.Select(m => (int)Math.Round(m * 60_000)).ToArray();
        var maxSnap = scenario.Network?.MaxSnapMetres ?? MatrixStage.DefaultMaxSnapMetres;
        var sets = new List<(string, List<IsochroneGeoJsonWriter.Band>)>();
        var unsnapped = 0;
        foreach (var modeName in spec.Modes.Distinct())
        {
            if (!TravelModes.TryParse(modeName, out var mode))
            {
                throw new ArgumentException("not a road mode: " + modeName);
            }
            var (band, overrides) = MatrixStage.RoadProfile(scenario, mode);
            var graph = network.GetModeGraph(mode, overrides, mode == TravelMode.Car ? band : TimeBand.OffPeak);
            var snapper = network.CreateSnapper(mode, graph);
            var results = PointIsochrones.Compute([.. siteList.Select(site => (site.Id, site.Point))],
                point => snapper.Snap(point, maxSnap),
                snap => IsochroneSearch.Run(graph, snap.SnappedPoint, snap.Outbound, thresholds),
                IsochroneGeoJsonWriter.DefaultBufferMetres(mode));
            unsnapped += results.Count(r => !r.Snap.IsOk);
            var bands = PointIsochrones.Bands(results, minutes);
            sets.Add((mode.ToName(), bands));
        }
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"{siteList.Count} sites x {sets.Count} modes x {minutes.Length} bands ({string.Join(", ", minutes)} min); {unsnapped} site-mode pairs unsnapped");
        return (sets, detail);
    }

    public static IEnumerable<string> Write(string outFolder, List<(string Mode, List<IsochroneGeoJsonWriter.Band> Bands)> sets)
    {
        var folder = Path.Combine(outFolder, ResultsFolder.IsochroneFolder);
        Directory.CreateDirectory(folder);
        foreach (var (mode, bands) in sets)
        {
            var path = Path.Combine(folder, mode + ".geojson");
            IsochroneGeoJsonWriter.Write(path, bands, mode);
            yield return path;
        }
    }
}

using System.Globalization;
using System.Text;
using Geo.Catchment.Allocation;
using Geo.Catchment.Inputs;
using Geo.Catchment.Scenarios;
using Geo.Core;
using Geo.Routing.Geometry;
using Geo.Routing.Matrices;
using Geo.Routing.Streets;

namespace Geo.Pipeline;

/// <summary>
/// The scenario's "providers" (e.g. care homes): for every option and service, each provider's nearest and second-nearest
/// site open for that service, by road (the placement mode when it is car, walk or cycle; else car).
/// Built in memory before anything is written; <see cref="Write"/> writes providers.csv with the columns of
/// <c>geo nearest</c> plus option_id and service (empty cells where no site is reachable).
/// </summary>
internal static class ProvidersStage
{
    public const string FileName = "providers.csv";

    public static (string Csv, string Detail) Build(Scenario scenario, StreetNetwork network, string networkPath, SiteTable sites, RunOptions options)
    {
        var spec = scenario.Providers ?? throw new InvalidOperationException("the scenario has no providers block");
        var providers = SiteLoader.Read(spec, scenario.Resolve, scenario.Input);
        var mode = TravelModes.TryParse(scenario.Placement?.Mode, out var m) ? m : TravelMode.Car;
        var sitePoints = new GeoPoint[sites.Count];
        var siteIds = new string[sites.Count];
        for (var i = 0; i < sites.Count; i++)
        {
            sitePoints[i] = sites[i].Point;
            siteIds[i] = sites[i].Id;
        }
        var road = RoadMatrixComputer.Compute(network, mode, [.. providers.Select(p => p.Point)], sitePoints, new RoadMatrixOptions
        {
            MaxSnapMetres = scenario.Network?.MaxSnapMetres ?? MatrixStage.DefaultMaxSnapMetres,
            Threads = options.Threads ?? 0,
            NetworkPath = networkPath,
        });
        var matrix = new TravelMatrix(mode.ToName(), [.. providers.Select(p => p.Id)], siteIds, road.MinutesRowMajor());

        var csv = new StringBuilder("option_id,service,provider_id,provider_name,site_id,minutes,second_site_id,second_minutes\n");
        var unreachable = 0;
        foreach (var option in scenario.AllOptions)
        {
            foreach (var service in scenario.Services)
            {
                var mask = new bool[sites.Count];
                foreach (var (siteId, services) in option.Sites)
                {
                    var index = sites.IndexOf(siteId);
                    if (index >= 0 && services.Contains(service))
                    {
                        mask[index] = true;
                    }
                }
                foreach (var n in NearestSite.Find(matrix, mask))
                {
                    unreachable += n.Site < 0 ? 1 : 0;
                    csv.Append(CsvText.Escape(option.Id)).Append(',').Append(CsvText.Escape(service)).Append(',')
                        .Append(CsvText.Escape(providers[n.Origin].Id)).Append(',').Append(CsvText.Escape(providers[n.Origin].Name)).Append(',')
                        .Append(n.Site >= 0 ? CsvText.Escape(siteIds[n.Site]) : "").Append(',').Append(Number(n.Minutes)).Append(',')
                        .Append(n.SecondSite >= 0 ? CsvText.Escape(siteIds[n.SecondSite]) : "").Append(',').Append(Number(n.SecondMinutes)).Append('\n');
                }
            }
        }
        var unsnapped = road.OriginSnaps.Count(s => !s.IsOk);
        return (csv.ToString(), string.Create(CultureInfo.InvariantCulture,
            $"{providers.Count} providers by {mode.ToName()}; {unsnapped} unsnapped; {unreachable} option/service rows with no open site reachable"));
    }

    public static string Write(string outFolder, string csv)
    {
        var path = Path.Combine(outFolder, FileName);
        AtomicFile.WriteAllText(path, csv);
        return path;
    }

    private static string Number(double value) => double.IsNaN(value) ? "" : value.ToString("0.####", CultureInfo.InvariantCulture);
}

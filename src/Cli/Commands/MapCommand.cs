using System.ComponentModel;
using Geo.Catchment.Allocation;
using Geo.Catchment.Inputs;
using Geo.Cli.Output;
using Geo.Core;
using Geo.Viewer.Rendering;
using Geo.Viewer.Results;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Geo.Cli.Commands;

/// <summary><c>geo map</c>: a static PNG map of one results layer (same palettes and legend as <c>geo serve</c>).</summary>
public sealed class MapCommand : Command<MapCommand.Settings>
{
    public sealed class Settings : InputSettings
    {
        [CommandOption("--results <FOLDER>")]
        [Description("Results folder written by `geo appraise` or `geo run`. Default: results")]
        public string Results { get; init; } = "results";

        [CommandOption("--option <ID>")]
        [Description("Option id from the scenario (e.g. B); needed for the time and change layers")]
        public string? Option { get; init; }

        [CommandOption("--mode <MODE>")]
        [Description("Travel mode (car, walk, cycle, transit); needed for the time and change layers")]
        public string? Mode { get; init; }

        [CommandOption("--service <NAME>")]
        [Description("Service name; default: the first service in the results")]
        public string? Service { get; init; }

        [CommandOption("--layer <LAYER>")]
        [Description("What to draw: time (minutes), change (minutes vs baseline), imd (decile), attr (see --attribute), placement (chosen sites and zone-to-site lines coloured by minutes, from placement/); need maps: density (residents per km² of each zone boundary, area on an equal-area projection), points (points per zone, see --points or --set, points drawn on top), percent (see --attribute and --per); flows (visits as lines from zone to site, width by count, see --visits). Default: time")]
        public string Layer { get; init; } = "time";

        [CommandOption("--attribute <NAME>")]
        [Description("Numeric zone attribute from zones.geojson for --layer attr (quintile classes) or --layer percent")]
        public string? Attribute { get; init; }

        [CommandOption("--per <COLUMNS>")]
        [Description("--layer percent: comma-separated zone columns whose sum is the denominator, e.g. population, or households_no_car,households_with_car. Default: none, the attribute is already a percentage")]
        public string? Per { get; init; }

        [CommandOption("--points <FILE>")]
        [Description("--layer points: point file (CSV with lon/lat or easting/northing, GeoJSON, GeoPackage, shapefile) counted per zone and drawn, e.g. care_homes.csv. Default: --set from need_points.geojson")]
        public string? Points { get; init; }

        [CommandOption("--set <NAME>")]
        [Description("--layer points: point set of the results' need_points.geojson (written by `geo run` from the scenario's providers and needMaps.points), e.g. \"care homes\"; with --points, the legend label. Default: the file name")]
        public string? Set { get; init; }

        [CommandOption("--visits <FILE>")]
        [Description("--layer flows: visits CSV (patient zone, site attended, optional count: the columns of `geo nearest --visits`). Default: the results' flows.geojson")]
        public string? Visits { get; init; }

        [CommandOption("--isochrones")]
        [Description("Also draw the isochrones/*.geojson outlines (dashed). Default: off")]
        public bool Isochrones { get; init; }

        [CommandOption("--out <FILE>")]
        [Description("Output PNG path (written atomically, folders created). Required")]
        public string? Out { get; init; }

        [CommandOption("--width <PIXELS>")]
        [Description("Image width in pixels. Default: 1600")]
        public int Width { get; init; } = 1600;

        [CommandOption("--height <PIXELS>")]
        [Description("Image height in pixels. Default: 1200")]
        public int Height { get; init; } = 1200;

        [CommandOption("--title <TEXT>")]
        [Description("Map title. Default: layer, option, mode and service")]
        public string? Title { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrWhiteSpace(settings.Out))
        {
            throw new UsageException("--out <FILE> is required, e.g. --out results/maps/change.png");
        }

        MapLayer layer = settings.Layer.ToLowerInvariant() switch
        {
            "time" => MapLayer.Time,
            "change" => MapLayer.Change,
            "imd" => MapLayer.Imd,
            "attr" or "attribute" => MapLayer.Attribute,
            "placement" => MapLayer.Placement,
            "density" => MapLayer.Density,
            "points" => MapLayer.Points,
            "percent" => MapLayer.Percent,
            "flows" => MapLayer.Flows,
            _ => throw new UsageException("unknown --layer '" + settings.Layer + "'; valid: time, change, imd, attr, placement, density, points, percent, flows"),
        };
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var results = ResultsFolder.Load(settings.Results);
        IReadOnlyList<(double Lon, double Lat)>? points = null;
        string? set = settings.Set;
        if (settings.Points is { } pointsFile)
        {
            points = [.. PointFileReader.Read(pointsFile, null, settings.Input).Select(p => (p.Point.Lon, p.Point.Lat))];
            set ??= Path.GetFileNameWithoutExtension(pointsFile).Replace('_', ' ');
        }
        List<GeoFeature>? flows = null;
        double unmatchedVisits = 0;
        if (settings.Visits is { } visitsFile)
        {
            var rows = VisitReader.ReadRows(visitsFile, settings.Input);
            flows = FlowLines.Build(results, rows.Select(r => (r.ZoneId, r.SiteId, r.Count)), out unmatchedVisits);
        }
        var request = new StaticMapRequest
        {
            Option = settings.Option,
            Mode = settings.Mode,
            Service = settings.Service,
            Layer = layer,
            Attribute = settings.Attribute,
            Per = settings.Per?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            PointSet = set,
            Points = points,
            FlowLines = flows,
            WidthPx = settings.Width,
            HeightPx = settings.Height,
            Title = settings.Title,
            ShowIsochrones = settings.Isochrones,
        };
        try
        {
            StaticMapRenderer.Render(results, request, settings.Out);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message);
        }

        var table = new Table().AddColumns("Map", "Value");
        table.AddRow("Written", Markup.Escape(Path.GetFullPath(settings.Out)));
        table.AddRow("Layer", layer.ToString());
        table.AddRow("Zones", results.Zones.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (unmatchedVisits > 0)
        {
            table.AddRow("Visits not drawn (zone or site not in the results)", unmatchedVisits.ToString("#,0.#", System.Globalization.CultureInfo.InvariantCulture));
        }
        table.AddRow("Size", settings.Width.ToString(System.Globalization.CultureInfo.InvariantCulture) + " x " + settings.Height.ToString(System.Globalization.CultureInfo.InvariantCulture) + " px");
        table.AddRow("Time", sw.Elapsed.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " s");
        ConsoleTables.Write(table);
        InputIssuesReport.Print(settings.Input.Issues, InputIssuesReport.WriteBeside(settings.Input.Issues, settings.Out));
        return ExitCodes.Ok;
    }
}

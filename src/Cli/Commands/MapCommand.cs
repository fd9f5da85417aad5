using System.ComponentModel;
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
    public sealed class Settings : CommandSettings
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
        [Description("What to draw: time (minutes), change (minutes vs baseline), imd (decile), attr (see --attribute) or placement (chosen sites and zone-to-site lines coloured by minutes, from placement/). Default: time")]
        public string Layer { get; init; } = "time";

        [CommandOption("--attribute <NAME>")]
        [Description("Numeric zone attribute from zones.geojson for --layer attr (quintile classes)")]
        public string? Attribute { get; init; }

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
            _ => throw new UsageException("unknown --layer '" + settings.Layer + "'; valid: time, change, imd, attr, placement"),
        };
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var results = ResultsFolder.Load(settings.Results);
        var request = new StaticMapRequest
        {
            Option = settings.Option,
            Mode = settings.Mode,
            Service = settings.Service,
            Layer = layer,
            Attribute = settings.Attribute,
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
        table.AddRow("Size", settings.Width.ToString(System.Globalization.CultureInfo.InvariantCulture) + " x " + settings.Height.ToString(System.Globalization.CultureInfo.InvariantCulture) + " px");
        table.AddRow("Time", sw.Elapsed.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " s");
        ConsoleTables.Write(table);
        return ExitCodes.Ok;
    }
}

using System.ComponentModel;
using Geo.Cli.Output;
using Geo.Core;
using Geo.Routing.Streets;
using Geo.Viewer.Basemap;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Geo.Cli.Commands;

/// <summary><c>geo basemap</c>: writes the road lines of a street network as results/basemap.geojson for the offline map.</summary>
public sealed class BasemapCommand : Command<BasemapCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--network <FILE>")]
        [Description("Street network built by `geo build-streets` (.geonet). Required")]
        public string? Network { get; init; }

        [CommandOption("--out <FILE>")]
        [Description("Output GeoJSON. Default: results/basemap.geojson")]
        public string Out { get; init; } = "results/basemap.geojson";

        [CommandOption("--all-roads")]
        [Description("Keep every road class (paths, service roads). Default: off (motorway to residential only)")]
        public bool AllRoads { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrWhiteSpace(settings.Network))
        {
            throw new UsageException("--network <FILE> is required, e.g. --network region.geonet");
        }

        var sw = System.Diagnostics.Stopwatch.StartNew();
        var network = StreetNetwork.Load(settings.Network);
        int lines = BasemapWriter.Write(network.RoadLines(), settings.Out, settings.AllRoads ? null : BasemapWriter.DefaultHighways);
        var table = new Table().AddColumns("Basemap", "Value");
        table.AddRow("Written", Markup.Escape(Path.GetFullPath(settings.Out)));
        table.AddRow("Road lines", lines.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("Time", sw.Elapsed.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " s");
        ConsoleTables.Write(table);
        return ExitCodes.Ok;
    }
}

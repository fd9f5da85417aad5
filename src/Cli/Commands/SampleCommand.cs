using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Geo.Samples;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Geo.Cli.Commands;

/// <summary><c>geo sample</c>: writes the SYNTHETIC sample region (road network, bus feed, zones, sites, scenario).</summary>
public sealed class SampleCommand : Command<SampleCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-o|--out <FOLDER>")]
        [Description("Folder to write the sample files into (created if missing; sample files of the same name are replaced, but never a README.md the generator did not write). Required.")]
        public string? Out { get; init; }

        [CommandOption("--seed <SEED>")]
        [Description("Random seed (integer). The same seed always gives byte-identical files. Default: 42.")]
        [DefaultValue(SampleGenerator.DefaultSeed)]
        public int Seed { get; init; } = SampleGenerator.DefaultSeed;

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("--out <FOLDER> is required") : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrWhiteSpace(settings.Out))
        {
            throw new UsageException("--out <FOLDER> is required");
        }
        if (SampleGenerator.HasForeignReadme(settings.Out))
        {
            throw new UsageException($"{Path.Combine(settings.Out, SampleGenerator.ReadmeFile)} was not written by `geo sample`; choose an empty folder for --out (nothing was written)");
        }
        var clock = Stopwatch.StartNew();
        var summary = SampleGenerator.Generate(settings.Out, settings.Seed);
        clock.Stop();

        var table = new Table().AddColumn("file").AddColumn(new TableColumn("bytes").RightAligned()).AddColumn("contents");
        foreach (var file in summary.Files)
        {
            var name = Path.GetFileName(file);
            var contents = name switch
            {
                SampleGenerator.OsmFile => $"{summary.Nodes} nodes, {summary.Ways} ways, {summary.Relations} relations",
                SampleGenerator.GtfsFile => $"{summary.BusStops} stops, {summary.BusRoutes} routes, {summary.BusTrips} trips, {summary.FrequencyRows} frequencies",
                SampleGenerator.ZonesFile => $"{summary.Zones} zones, population {summary.Population}",
                SampleGenerator.ZoneBoundariesFile => $"{summary.Zones} polygons",
                SampleGenerator.SitesFile => $"{summary.Sites} sites",
                SampleGenerator.CommunitySitesFile => $"{summary.CommunitySites} candidates",
                SampleGenerator.CareHomesFile => $"{summary.CareHomes} care homes",
                _ => "",
            };
            table.AddRow(Markup.Escape(file), new FileInfo(file).Length.ToString("N0", CultureInfo.InvariantCulture), Markup.Escape(contents));
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(CultureInfo.InvariantCulture,
            "[yellow]SYNTHETIC[/] sample region written (seed {0}) in {1:F1} s. Next: [grey]geo run {2} --out results/[/]",
            summary.Seed, clock.Elapsed.TotalSeconds, Markup.Escape(Path.Combine(settings.Out, SampleGenerator.ScenarioFile)));
        return ExitCodes.Ok;
    }
}

using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Geo.Cli.Output;
using Geo.Core;
using Geo.Samples;
using Geo.Samples.National;
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

        [CommandOption("--national")]
        [Description("Write a national-style region instead: generated roads (street meshes, A/B roads, motorways, roundabouts, turn restrictions, footways, private roads, islands) and buses over real LSOA centroids (--centroids), as a real OSM PBF and GTFS zip, with zones, hospitals, GP sites and a scenario.")]
        public bool National { get; init; }

        [CommandOption("--centroids <FILE>")]
        [Description("With --national: LSOA centroids in British National Grid, a point shapefile (.shp + .dbf) or a CSV with LSOA21CD, easting, northing. Default: ../shared/data/england-wales-lsoa21-centroids/LSOA_PopCentroids_EW_2021_V3.shp.")]
        public string Centroids { get; init; } = "../shared/data/england-wales-lsoa21-centroids/LSOA_PopCentroids_EW_2021_V3.shp";

        [CommandOption("--scale <FRACTION>")]
        [Description("With --national: fraction (above 0, at most 1) of the centroids to keep, those nearest Birmingham, e.g. 0.002 for a CI-sized region, 1 for all of England and Wales. Default: 1.")]
        public double Scale { get; init; } = 1;

        [CommandOption("--hospitals <N>")]
        [Description("With --national: hospitals at the centres of the N largest towns. Default: 200.")]
        public int Hospitals { get; init; } = 200;

        [CommandOption("--no-gtfs")]
        [Description("With --national: skip the bus timetable (the largest file at full size).")]
        public bool NoGtfs { get; init; }

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
        if (settings.National)
        {
            return ExecuteNational(settings);
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
                SampleGenerator.CensusFile => $"{summary.Zones} zones: ethnicity, disability, sex, households without a car",
                _ => "",
            };
            table.AddRow(Markup.Escape(file), new FileInfo(file).Length.ToString("N0", CultureInfo.InvariantCulture), Markup.Escape(contents));
        }
        ConsoleTables.Write(table);
        AnsiConsole.MarkupLine(CultureInfo.InvariantCulture,
            "[yellow]SYNTHETIC[/] sample region written (seed {0}) in {1:F1} s. Next: [grey]geo run {2} --out results/[/]",
            summary.Seed, clock.Elapsed.TotalSeconds, Markup.Escape(Path.Combine(settings.Out, SampleGenerator.ScenarioFile)));
        return ExitCodes.Ok;
    }

    private static int ExecuteNational(Settings settings)
    {
        if (settings.Scale is <= 0 or > 1)
        {
            throw new UsageException("--scale must be a fraction above 0 and at most 1, e.g. 0.01.");
        }
        if (!File.Exists(settings.Centroids))
        {
            throw new InputFileException(settings.Centroids, null, null, "centroid file not found (give --centroids)");
        }
        var readme = Path.Combine(settings.Out!, NationalGenerator.ReadmeFile);
        if (File.Exists(readme) && !File.ReadLines(readme).First().Contains("SYNTHETIC", StringComparison.Ordinal))
        {
            throw new UsageException($"{readme} was not written by `geo sample`; choose an empty folder for --out (nothing was written)");
        }
        var clock = Stopwatch.StartNew();
        var options = new NationalOptions
        {
            CentroidsPath = settings.Centroids,
            OutFolder = settings.Out!,
            Scale = settings.Scale,
            Seed = settings.Seed,
            Hospitals = settings.Hospitals,
            Gtfs = !settings.NoGtfs,
        };
        var stderr = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        NationalSummary? summary = null;
        stderr.Status().Start("Generating", status =>
            summary = NationalGenerator.Generate(options, new Progress(message => status.Status(Markup.Escape(message)))));
        var table = new Table().AddColumn("file").AddColumn(new TableColumn("bytes").RightAligned());
        foreach (var file in summary!.Files)
        {
            table.AddRow(Markup.Escape(file), new FileInfo(file).Length.ToString("N0", CultureInfo.InvariantCulture));
        }
        ConsoleTables.Write(table);
        AnsiConsole.MarkupLine(CultureInfo.InvariantCulture,
            "[yellow]SYNTHETIC[/] national-style region: {0:N0} zones, {1:N0} ways ({2:N0} way nodes), {3:N0} stops, {4:N0} stop times, in {5:F1} s. Next: [grey]geo run {6} --out results/[/]",
            summary.Zones, summary.Ways, summary.WayNodes, summary.Stops, summary.StopTimes, clock.Elapsed.TotalSeconds,
            Markup.Escape(Path.Combine(settings.Out!, NationalGenerator.ScenarioFile)));
        return ExitCodes.Ok;
    }

    private sealed class Progress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}

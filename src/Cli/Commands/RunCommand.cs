using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Geo.Catchment.Scenarios;
using Geo.Cli.Output;
using Geo.Core;
using Geo.Pipeline;
using Geo.Routing.Jobs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Geo.Cli.Commands;

/// <summary>
/// <c>geo run</c>: the whole pipeline for a scenario: street network, matrices for every mode, placement, appraisal,
/// basemap, static maps and report.html, written to one results folder for <c>geo serve</c>.
/// </summary>
public sealed class RunCommand : Command<RunCommand.Settings>
{
    public sealed class Settings : InputSettings
    {
        [CommandArgument(0, "[SCENARIO]")]
        [Description("Scenario JSON file (see the results contract); paths inside it are relative to the file. Required. " + Catchment.Scenarios.EqualitySpec.SmallGroupHelp)]
        public string? Scenario { get; init; }

        [CommandOption("-o|--out <FOLDER>")]
        [Description("Results folder (created; files replaced atomically). The street network is cached in <FOLDER>/network/. Default: results")]
        public string Out { get; init; } = "results";

        [CommandOption("--network <GEONET>")]
        [Description("Use this prebuilt street network (.geonet from `geo build-network`) instead of building one from the scenario's OSM file. Default: build or reuse the cache")]
        public string? Network { get; init; }

        [CommandOption("--threads <N>")]
        [Description("Worker threads for the matrices (results never depend on it). Default: all cores")]
        public int? Threads { get; init; }

        [CommandOption("--no-maps")]
        [Description("Skip the static PNG maps in maps/ (report.html then has no maps). Default: maps are drawn")]
        public bool NoMaps { get; init; }

        [CommandOption("--no-placement")]
        [Description("Skip the scenario's placement block. Default: run it when the scenario has one; a placement with no feasible selection is a warning, stated with its reason in summary.json, placement/placement.json and the report, and the other results are still written")]
        public bool NoPlacement { get; init; }

        [CommandOption("--write-fares <FILE>")]
        [Description("Write the built-in public transport fare model (used when the scenario's transit.fares is null: bus GBP 3.00 fare cap, rail a per-km placeholder) to FILE for editing, then exit unless a scenario is given")]
        public string? WriteFares { get; init; }

        [CommandOption("--summary-json <FILE>")]
        [Description("Also write each stage's time, the total and peak memory as JSON to FILE (outside the results folder), for benchmarks and scripts")]
        public string? SummaryJson { get; init; }

        [CommandOption("--postgres <CONNECTION>")]
        [Description("After the results folder is written, export it into PostgreSQL/PostGIS in one transaction, as `geo export --results <FOLDER> --postgres` does (same tables; connection as there). If the export fails the results folder stays written and geo exits 4. Default: no export")]
        public string? Postgres { get; init; }

        [CommandOption("--schema <NAME>")]
        [Description("With --postgres: the schema to write (created if missing; geo's earlier tables in it are replaced). Default: geo")]
        public string Schema { get; init; } = Postgis.ExportSql.DefaultSchema;

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Scenario) && WriteFares is null)
            {
                return ValidationResult.Error("give a scenario file, e.g. geo run data-samples/scenario.json --out results/");
            }
            return Threads is < 1 ? ValidationResult.Error("--threads must be at least 1") : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.WriteFares is not null)
        {
            Geo.Core.AtomicFile.WriteAllText(settings.WriteFares, Routing.Transit.Fares.FareModel.DefaultJson);
            AnsiConsole.MarkupLine("Wrote the fare model defaults to [green]" + Markup.Escape(settings.WriteFares) + "[/]; point the scenario's \"transit\": { \"fares\" } at it.");
            if (string.IsNullOrWhiteSpace(settings.Scenario))
            {
                return ExitCodes.Ok;
            }
        }
        if (string.IsNullOrWhiteSpace(settings.Scenario))
        {
            throw new UsageException("give a scenario file, e.g. geo run data-samples/scenario.json --out results/");
        }
        // A bad connection string or schema is a usage error before the long run, not after it.
        var postgres = settings.Postgres is null ? null : Postgis.PostgresTarget.Parse(settings.Postgres);
        var schema = postgres is null ? null : Postgis.ExportSql.CheckSchema(settings.Schema);
        var total = Stopwatch.StartNew();
        // The whole results folder is written aside and swapped in at the end; the street-network cache is carried over.
        var (result, tempFolder) = ResultsOutput.Write(settings.Out, [RunPipeline.NetworkCacheFolder], [settings.Scenario, settings.Network],
            temp => (Run(settings, temp), temp));
        Print(result, settings, tempFolder, total.Elapsed.TotalSeconds);
        InputIssuesReport.Print(settings.Input.Issues, Path.Combine(settings.Out, InputIssuesFile.FileName));
        if (postgres is not null)
        {
            ExportCommand.Export(postgres, schema!, settings.Out);
        }
        if (settings.SummaryJson is { } jsonPath)
        {
            var summary = result.Appraisal.Summary;
            PhaseTimer.WriteJson(jsonPath, "run", result.Stages.Select(s => (s.Name, TimeSpan.FromSeconds(s.Seconds))).ToArray(), total.Elapsed,
                new Dictionary<string, object?>
                {
                    ["scenario"] = Path.GetFullPath(settings.Scenario),
                    ["output"] = Path.GetFullPath(settings.Out),
                    ["zones"] = summary.ZoneCount,
                    ["modes"] = summary.Modes,
                    ["options"] = summary.Options.Count,
                    ["files"] = result.Files.Count,
                    ["stages"] = result.Stages.Select(s => new { stage = s.Name, detail = s.Detail }).ToArray(),
                    ["input_issues"] = settings.Input.Issues.TotalCount,
                });
        }
        return ExitCodes.Ok;
    }

    private static RunResult Run(Settings settings, string tempFolder)
    {
        var options = new RunOptions
        {
            ScenarioPath = settings.Scenario!,
            OutFolder = tempFolder,
            NetworkPath = settings.Network,
            Threads = settings.Threads,
            SkipMaps = settings.NoMaps,
            SkipPlacement = settings.NoPlacement,
            Input = settings.Input,
        };
        RunResult? result = null;
        if (Console.IsErrorRedirected)
        {
            result = RunPipeline.Run(options, new LineProgress(Console.Error));
        }
        else
        {
            var stderr = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            stderr.Status().Start("Running " + Markup.Escape(settings.Scenario!), ctx =>
            {
                result = RunPipeline.Run(options, new StatusProgress(ctx));
            });
        }
        return result!;
    }

    private static void Print(RunResult result, Settings settings, string tempFolder, double seconds)
    {
        var table = new Table().Title("geo run: " + Markup.Escape(result.Appraisal.Summary.Scenario));
        table.AddColumn("Stage");
        table.AddColumn(new TableColumn("Seconds").RightAligned());
        table.AddColumn("Result");
        foreach (var stage in result.Stages)
        {
            table.AddRow(Markup.Escape(stage.Name), stage.Seconds.ToString("0.0", CultureInfo.InvariantCulture), Markup.Escape(stage.Detail));
        }
        ConsoleTables.Write(table);
        ConsoleTables.Write(MetricsTable(result));
        foreach (var warning in result.Warnings)
        {
            AnsiConsole.MarkupLine("[yellow]warning:[/] " + Markup.Escape(warning));
        }
        var outFull = Path.GetFullPath(settings.Out);
        AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Files.Count} files written to [green]{Markup.Escape(outFull)}[/] in {seconds:0.0} s, peak memory {PhaseTimer.PeakMemoryBytes / (1024.0 * 1024):N0} MB"));
        AnsiConsole.MarkupLine("Report: [green]" + Markup.Escape(Path.GetFullPath(ResultsOutput.Final(result.ReportPath, tempFolder, settings.Out))) + "[/]");
        AnsiConsole.MarkupLine("Explore the results on a map: [grey]geo serve --results " + Markup.Escape(settings.Out) + "[/]");
    }

    /// <summary>Mean minutes (and change vs baseline) per option and mode for the first service.</summary>
    private static Table MetricsTable(RunResult result)
    {
        var summary = result.Appraisal.Summary;
        var service = summary.Services.Count > 0 ? summary.Services[0] : "";
        var table = new Table().Title("Mean minutes to the nearest open site (" + Markup.Escape(service) + "), change vs baseline");
        table.AddColumn("Option");
        foreach (var mode in summary.Modes)
        {
            table.AddColumn(new TableColumn(Markup.Escape(mode)).RightAligned());
        }
        foreach (var option in summary.Options)
        {
            var cells = new List<string> { Markup.Escape(option.Id + ": " + option.Name) };
            foreach (var mode in summary.Modes)
            {
                var m = summary.Metrics.FirstOrDefault(x => x.Option == option.Id && x.Mode == mode && x.Service == service);
                cells.Add(m is null || m.MeanMinutes is not double mean || double.IsNaN(mean)
                    ? "-"
                    : string.Create(CultureInfo.InvariantCulture, $"{mean:0.0} ({m.MeanChange:+0.0;-0.0;0.0})"));
            }
            table.AddRow(cells.ToArray());
        }
        return table;
    }

    private sealed class StatusProgress(StatusContext context) : IProgress<string>
    {
        public void Report(string value) => context.Status(Markup.Escape(value));
    }

    private sealed class LineProgress(TextWriter writer) : IProgress<string>
    {
        public void Report(string value) => writer.WriteLine(value);
    }
}

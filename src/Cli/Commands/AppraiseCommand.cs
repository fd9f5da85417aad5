using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Geo.Catchment.Appraisal;
using Geo.Catchment.Costs;
using Geo.Catchment.Scenarios;
using Geo.Cli.Output;
using Geo.Core;
using Geo.Pipeline;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Geo.Cli.Commands;

/// <summary>
/// <c>geo appraise</c>: scores the scenario's baseline and options from travel-time matrices (the scenario's external
/// "matrices" or --matrix files) and writes the results folder: zone_results.csv/.parquet, zones.geojson, sites.geojson,
/// zones.gpkg, summary.json, matrices/, maps/*.png (as <c>geo run</c> draws them; --no-maps skips) and report.html with the maps.
/// </summary>
public sealed class AppraiseCommand : Command<AppraiseCommand.Settings>
{
    public sealed class Settings : InputSettings
    {
        [CommandArgument(0, "[SCENARIO]")]
        [Description("Scenario file, JSON or YAML (.yaml/.yml), per the results contract. Paths inside it are relative to the file. " + Catchment.Scenarios.EqualitySpec.SmallGroupHelp)]
        public string? Scenario { get; init; }

        [CommandOption("--out <FOLDER>")]
        [Description("Results folder (created; existing files are replaced atomically). Default: results")]
        public string Out { get; init; } = "results";

        [CommandOption("--matrix <MODE=FILE>")]
        [Description("A long travel-time matrix CSV in minutes for a mode, as written by `geo matrix` (origin_id,destination_id,minutes,km,...,status); repeatable; overrides the scenario's matrix for that mode. Example: --matrix car=car.csv")]
        public string[] Matrix { get; init; } = [];

        [CommandOption("--write-costs <FILE>")]
        [Description("Write the built-in cost and carbon defaults (costs.default.json, documented) to FILE for editing, then exit unless a scenario is given")]
        public string? WriteCosts { get; init; }

        [CommandOption("--write-fares <FILE>")]
        [Description("Write the built-in public transport fare model (fares.default.json: bus GBP 3.00 fare cap, rail a per-km placeholder) to FILE for editing, then exit unless a scenario is given; point the scenario's transit.fares at it")]
        public string? WriteFares { get; init; }

        [CommandOption("--no-maps")]
        [Description("Skip the static PNG maps in maps/ (report.html then has no maps). Default: maps are drawn, as by geo run")]
        public bool NoMaps { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.WriteCosts is not null)
        {
            AtomicFile.WriteAllText(settings.WriteCosts, CostSettings.DefaultJson);
            AnsiConsole.MarkupLine("Wrote cost defaults to [green]" + Markup.Escape(settings.WriteCosts) + "[/]; point the scenario's \"costs\" at it.");
        }
        if (settings.WriteFares is not null)
        {
            AtomicFile.WriteAllText(settings.WriteFares, Routing.Transit.Fares.FareModel.DefaultJson);
            AnsiConsole.MarkupLine("Wrote the fare model defaults to [green]" + Markup.Escape(settings.WriteFares) + "[/]; point the scenario's \"transit\": { \"fares\" } at it.");
        }
        if ((settings.WriteCosts is not null || settings.WriteFares is not null) && settings.Scenario is null)
        {
            return ExitCodes.Ok;
        }
        if (string.IsNullOrWhiteSpace(settings.Scenario))
        {
            throw new UsageException("give a scenario file, e.g. geo appraise scenario.json --out results/");
        }
        var extra = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in settings.Matrix)
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == item.Length - 1)
            {
                throw new UsageException($"--matrix '{item}' must be MODE=FILE, e.g. --matrix car=car.csv");
            }
            var mode = item[..eq].Trim();
            if (!Scenario.KnownModes.Contains(mode))
            {
                throw new UsageException($"--matrix mode '{mode}' is unknown; known modes are {string.Join(", ", Scenario.KnownModes)}");
            }
            extra[mode] = item[(eq + 1)..].Trim();
        }

        var clock = Stopwatch.StartNew();
        var scenario = ScenarioReader.Read(settings.Scenario) with { Input = settings.Input };
        var stderr = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        AppraisalResult? result = null;
        var warnings = new List<string>();
        var maps = new List<string>();
        // The whole results folder is written aside and swapped in when the appraisal and its maps are complete.
        ResultsOutput.Write(settings.Out, [], [settings.Scenario, .. extra.Values], temp =>
        {
            void Appraise(IProgress<string> progress)
            {
                result = Appraiser.RunWithFiles(scenario, extra, temp, progress);
                if (!settings.NoMaps)
                {
                    MapStage.WriteMaps(scenario, temp, maps, warnings, progress);
                }
            }
            if (Console.IsErrorRedirected)
            {
                Appraise(new LineProgress(Console.Error));
            }
            else
            {
                stderr.Status().Start("Appraising " + Markup.Escape(scenario.Name), ctx => Appraise(new StatusProgress(ctx)));
            }
            return result;
        });
        var summary = result!.Summary;

        var names = summary.Options.ToDictionary(o => o.Id, o => o.Name, StringComparer.Ordinal);
        var rank = summary.Ranking.ToDictionary(r => r.Option, r => r.Rank, StringComparer.Ordinal);
        var table = new Table().Title("Appraisal: " + Markup.Escape(scenario.Name));
        foreach (var column in new[] { "Option", "Mode", "Service", "Mean min", "Median", "P90", "Mean change", "Worse >10 min", "Unreachable", "Flags", "Rank" })
        {
            table.AddColumn(column);
        }
        foreach (var m in summary.Metrics)
        {
            var flags = summary.Equality.Count(e => e.Option == m.Option && e.Mode == m.Mode && e.Service == m.Service && e.Flag);
            table.AddRow(
                Markup.Escape(names.GetValueOrDefault(m.Option, m.Option)), m.Mode, Markup.Escape(m.Service),
                F(m.MeanMinutes, "0.0"), F(m.MedianMinutes, "0.0"), F(m.P90Minutes, "0.0"), F(m.MeanChange, "+0.0;-0.0;0.0"),
                F(m.Worse10, "#,0"), F(m.UnreachablePopulation, "#,0"),
                flags == 0 ? "0" : "[red]" + flags.ToString(CultureInfo.InvariantCulture) + "[/]",
                rank.TryGetValue(m.Option, out var r) ? r.ToString(CultureInfo.InvariantCulture) : "");
        }
        ConsoleTables.Write(table);
        foreach (var warning in warnings)
        {
            AnsiConsole.MarkupLine("[yellow]warning:[/] " + Markup.Escape(warning));
        }
        AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"{summary.ZoneCount:#,0} zones, {summary.SiteCount} sites, weighted by {summary.WeightedBy}; {result.Files.Count + maps.Count} files written to [green]{Markup.Escape(Path.GetFullPath(settings.Out))}[/] in {clock.Elapsed.TotalSeconds:0.0} s"));
        InputIssuesReport.Print(settings.Input.Issues, Path.Combine(settings.Out, InputIssuesFile.FileName));
        return ExitCodes.Ok;
    }

    private static string F(double? value, string format) =>
        value is double v && !double.IsNaN(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "-";

    private sealed class StatusProgress(StatusContext context) : IProgress<string>
    {
        public void Report(string value) => context.Status(Markup.Escape(value));
    }

    private sealed class LineProgress(TextWriter writer) : IProgress<string>
    {
        public void Report(string value) => writer.WriteLine(value);
    }
}

using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Geo.Catchment.Allocation;
using Geo.Catchment.Inputs;
using Geo.Catchment.Need;
using Geo.Catchment.Scenarios;
using Geo.Cli.Output;
using Geo.Core;
using Geo.Routing.Geometry;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Geo.Cli.Commands;

/// <summary>
/// <c>geo place</c>: site placement (location-allocation) on a travel-time matrix: p-median, MCLP, LSCP, p-center and
/// capacitated p-median with existing sites kept open and optional equity constraints. Writes chosen_sites.csv,
/// allocation.csv, placement.geojson and placement.json to --out. Malformed options exit 2 and malformed files 3; a well-posed
/// problem that has no feasible selection (p above the candidates, a zone out of reach...) exits 5 with the reason, writing nothing.
/// </summary>
public sealed class PlaceCommand : Command<PlaceCommand.Settings>
{
    public sealed class Settings : InputSettings
    {
        [CommandOption("--problem <PROBLEM>")]
        [Description("pmedian (minimise need-weighted minutes), mclp (maximise need within --threshold), lscp (fewest new sites so every zone with need is within --threshold), pcenter (minimise the worst minutes), cpmedian (p-median with site capacities). Default: pmedian")]
        public string Problem { get; init; } = "pmedian";

        [CommandOption("--matrix <FILE>")]
        [Description("Zone-to-site travel-time matrix CSV in minutes: long as written by `geo matrix` (origin_id,destination_id,minutes,...,status) or wide (one row per zone, one column per site, e.g. the Devon CDC files). Origins must include every zone, destinations every candidate and existing site")]
        public string? Matrix { get; init; }

        [CommandOption("--matrix-layout <LAYOUT>")]
        [Description("long, wide or auto (long when the header has the minutes, origin and destination columns). Default: auto")]
        public string MatrixLayout { get; init; } = "auto";

        [CommandOption("--matrix-origin <COLUMN>")]
        [Description("Origin (zone) column of the matrix. Default: origin_id (long), from_id or the first column (wide)")]
        public string? MatrixOrigin { get; init; }

        [CommandOption("--matrix-destination <COLUMN>")]
        [Description("Destination (site) column of a long matrix. Default: destination_id")]
        public string? MatrixDestination { get; init; }

        [CommandOption("--matrix-minutes <COLUMN>")]
        [Description("Minutes column of a long matrix. Default: minutes")]
        public string? MatrixMinutes { get; init; }

        [CommandOption("--no-route <VALUE>")]
        [Description("Matrix value meaning 'no route' (e.g. 9999 in the Devon files). Empty cells and a status other than ok are always no route")]
        public double? NoRoute { get; init; }

        [CommandOption("--mode <MODE>")]
        [Description("Label of the matrix's mode for the outputs (car, walk, cycle, transit). Default: car")]
        public string Mode { get; init; } = "car";

        [CommandOption("--zones <FILE>")]
        [Description("Zones CSV: an id column, optional name and lon/lat, and numeric columns usable in --need (e.g. population, age65plus) plus an IMD decile column for the equity report")]
        public string? Zones { get; init; }

        [CommandOption("--zone-id <COLUMN>")]
        [Description("Zone id column. Default: the first of zone_id, id, code, LSOA21CD, lsoa21_code, LSOA 2021 Code")]
        public string? ZoneId { get; init; }

        [CommandOption("--zone-name <COLUMN>")]
        [Description("Zone name column. Default: the first of zone_name, name, LSOA21NM, LSOA 2021 Name")]
        public string? ZoneName { get; init; }

        [CommandOption("--zone-key <KEY>")]
        [Description("How matrix origins name zones: id or name (the Devon matrices use LSOA names). Default: id")]
        public string ZoneKey { get; init; } = "id";

        [CommandOption("--imd-column <COLUMN>")]
        [Description("IMD decile column (1 = most deprived). Default: the first of imd_decile, IMD decile, or a column starting 'Index of Multiple Deprivation (IMD) Decile'")]
        public string? ImdColumn { get; init; }

        [CommandOption("--candidates <FILE>")]
        [Description("Candidate sites CSV: id (site_id, id, code, Facility_Name, name), optional name, lon/lat, capacity and existing (yes/no) columns")]
        public string? Candidates { get; init; }

        [CommandOption("--site-id <COLUMN>")]
        [Description("Site id column in the candidate/existing files (must match the matrix destinations). Default: site_id, id, code, Facility_Name, name")]
        public string? SiteId { get; init; }

        [CommandOption("--existing <FILE>")]
        [Description("Existing sites CSV (same columns as --candidates): always open")]
        public string? Existing { get; init; }

        [CommandOption("--existing-ids <IDS>")]
        [Description("Comma-separated ids of existing sites (always open), e.g. H1,H2")]
        public string? ExistingIds { get; init; }

        [CommandOption("--existing-column <COLUMN>")]
        [Description("Column of the candidates file marking existing sites with yes/true/1 (e.g. Existing in devon_cdcs.csv). Default: existing, if present")]
        public string? ExistingColumn { get; init; }

        [CommandOption("--capacity-column <COLUMN>")]
        [Description("Site capacity column (need units) for cpmedian. Default: capacity")]
        public string? CapacityColumn { get; init; }

        [CommandOption("--split")]
        [Description("cpmedian: allow a zone's need to be split between sites (default: single assignment, each zone to one site)")]
        public bool Split { get; init; }

        [CommandOption("-p|--new-sites <N>")]
        [Description("p: number of NEW sites to open in addition to the existing ones (ignored by lscp). Written -p 2 or --new-sites 2 (Spectre.Console does not allow the one-letter long option --p). Default: 1")]
        public int P { get; init; } = 1;

        [CommandOption("--threshold <MINUTES>")]
        [Description("Coverage threshold in minutes: a zone is covered when its time is at most the threshold (within T means <= T, as in the appraisal's time bands). Required by mclp, lscp and --equity-core20-min; reported for the others")]
        public double? Threshold { get; init; }

        [CommandOption("--need <EXPRESSION>")]
        [Description("Need per zone as an expression of zone columns with + - * / ( ) and numbers, e.g. \"population*1 + age65plus*2 + imd_core20*500\" (imd_core20 = 1 for IMD decile 1-2). Quote names with other characters: \"\\\"MF50-84\\\"\". Default: population")]
        public string Need { get; init; } = "population";

        [CommandOption("--solver <SOLVER>")]
        [Description("auto (exact up to 250,000 zone x site pairs for pmedian/pcenter/cpmedian and 2,000,000 for mclp/lscp, heuristic above), exact (OR-Tools SCIP, with bound and gap) or heuristic (greedy + vertex substitution). Default: auto")]
        public string Solver { get; init; } = "auto";

        [CommandOption("--time-limit <SECONDS>")]
        [Description("Solver time limit in seconds; the exact solver then reports its best solution, bound and gap. Default: 60")]
        public double TimeLimit { get; init; } = 60;

        [CommandOption("--equity-core20-min <SHARE>")]
        [Description("Equity floor: at least this share (0-1) of Core20 need (IMD decile 1-2) within --threshold, e.g. 0.9")]
        public double? EquityCore20Min { get; init; }

        [CommandOption("--equity-max-quintile-mean <MINUTES>")]
        [Description("Equity cap: every IMD quintile's need-weighted mean minutes at most this")]
        public double? EquityMaxQuintileMean { get; init; }

        [CommandOption("--group <COLUMN>")]
        [Description("Zone column to report coverage and mean minutes weighted by (repeatable). Default: population and age65plus when present")]
        public string[] Group { get; init; } = [];

        [CommandOption("--lines")]
        [Description("Also write zone-to-site allocation lines in placement.geojson (needs zone lon/lat)")]
        public bool Lines { get; init; }

        [CommandOption("--out <FOLDER>")]
        [Description("Output folder for chosen_sites.csv, allocation.csv, placement.geojson, placement.json. Default: results/placement")]
        public string Out { get; init; } = "results/placement";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!PlacementProblem.TryParseKind(settings.Problem, out var kind))
        {
            throw new UsageException($"--problem '{settings.Problem}' is unknown; use pmedian, mclp, lscp, pcenter or cpmedian");
        }
        var solver = settings.Solver.Trim().ToUpperInvariant() switch
        {
            "AUTO" => PlacementSolverChoice.Auto,
            "EXACT" => PlacementSolverChoice.Exact,
            "HEURISTIC" => PlacementSolverChoice.Heuristic,
            _ => throw new UsageException($"--solver '{settings.Solver}' is unknown; use auto, exact or heuristic"),
        };
        var matrixPath = settings.Matrix ?? throw new UsageException("--matrix is required, e.g. --matrix car.csv");
        var zonesPath = settings.Zones ?? throw new UsageException("--zones is required, e.g. --zones zones.csv");
        var candidatesPath = settings.Candidates ?? throw new UsageException("--candidates is required, e.g. --candidates sites.csv");
        if (settings.ZoneKey is not ("id" or "name"))
        {
            throw new UsageException($"--zone-key '{settings.ZoneKey}' must be id or name");
        }
        var clock = Stopwatch.StartNew();

        var zones = PlacementInputs.ReadZones(zonesPath, settings.ZoneId, settings.ZoneName, settings.ImdColumn, settings.Input);
        var sites = PlacementInputs.ReadSites(candidatesPath, settings.Existing, settings.ExistingIds, settings.SiteId, settings.ExistingColumn, settings.CapacityColumn, settings.Input);
        var raw = PlacementInputs.ReadMatrix(matrixPath, settings.Mode, settings.MatrixLayout, settings.MatrixOrigin, settings.MatrixDestination, settings.MatrixMinutes, settings.NoRoute, settings.Input);
        var keys = settings.ZoneKey == "name" ? zones.Names : zones.Ids;
        var matrix = PlacementInputs.Select(raw, matrixPath, keys, zones.Ids, sites.Ids, zonesPath);

        NeedExpression expression;
        double[] need;
        try
        {
            expression = NeedExpression.Parse(settings.Need);
            need = expression.Evaluate(zones.Columns, zones.Ids.Length, zones.Ids);
        }
        catch (NeedExpressionException ex)
        {
            throw new UsageException("--need: " + ex.Message);
        }
        var groups = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var groupNames = settings.Group.Length > 0 ? settings.Group : zones.Columns.Keys.Where(k => k is "population" or "age65plus").ToArray();
        foreach (var name in groupNames)
        {
            if (!zones.Columns.TryGetValue(name, out var values))
            {
                throw new UsageException($"--group '{name}' is not a numeric zone column; columns are {string.Join(", ", zones.Columns.Keys)}");
            }
            groups[name] = values;
        }

        var problem = new PlacementProblem
        {
            Kind = kind,
            Matrix = matrix,
            Need = need,
            IsExisting = sites.IsExisting,
            IsCandidate = sites.IsExisting.Select(e => !e).ToArray(),
            NewSites = settings.P,
            ThresholdMinutes = settings.Threshold ?? double.NaN,
            Capacity = sites.Capacity,
            SplitAssignment = settings.Split,
            ImdDecile = zones.ImdDecile,
            Core20MinShare = settings.EquityCore20Min,
            MaxQuintileMeanMinutes = settings.EquityMaxQuintileMean,
            Solver = solver,
            TimeLimitSeconds = settings.TimeLimit,
            ReportGroups = groups,
            NeedExpression = expression.Text,
        };
        PlacementResult result;
        try
        {
            problem.Validate();
            var stderr = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            PlacementResult? solved = null;
            if (Console.IsErrorRedirected)
            {
                solved = LocationAllocation.Solve(problem);
            }
            else
            {
                stderr.Status().Start($"Solving {PlacementProblem.KindName(kind)}: {matrix.OriginCount} zones, {matrix.DestinationCount} sites", _ => solved = LocationAllocation.Solve(problem));
            }
            result = solved!;
        }
        catch (InvalidPlacementProblemException ex)
        {
            throw new UsageException(ex.Message);
        }
        if (!result.HasSelection)
        {
            // A well-posed problem without a feasible selection: no valid result (exit 5), nothing written.
            throw new ComputationException($"placement {result.Status.ToCode()}: {result.Reason}");
        }
        var geography = new PlacementGeography { ZonePoints = zones.Points, SitePoints = sites.Points, SiteNames = sites.Names };
        PlacementWriter.Write(result, settings.Out, geography, settings.Lines);
        WriteSummary(result, sites, settings.Out, clock);
        InputIssuesReport.Print(settings.Input.Issues, InputIssuesFile.Write(settings.Input.Issues, settings.Out));
        return ExitCodes.Ok;
    }

    private static void WriteSummary(PlacementResult result, PlacementInputs.SiteList sites, string outFolder, Stopwatch clock)
    {
        var table = new Table().AddColumn("Item").AddColumn("Value");
        string F(double v) => double.IsFinite(v) ? v.ToString("#,##0.###", CultureInfo.InvariantCulture) : "-";
        table.AddRow("Problem", PlacementProblem.KindName(result.Problem.Kind));
        table.AddRow("Solver", Markup.Escape(result.Solver));
        table.AddRow("Status", result.Status.ToCode());
        table.AddRow("Objective", Markup.Escape(F(result.Objective) + " (" + result.ObjectiveDescription + ")"));
        table.AddRow("Bound / gap", F(result.Bound) + " / " + (double.IsFinite(result.Gap) ? result.Gap.ToString("P4", CultureInfo.InvariantCulture) : "-"));
        table.AddRow("New sites", Markup.Escape(string.Join(", ", result.NewSites.Select(s => sites.Names[s] ?? sites.Ids[s]))));
        table.AddRow("Existing sites", result.OpenSites.Count(s => result.Problem.IsExisting[s]).ToString(CultureInfo.InvariantCulture));
        var all = result.Groups[0];
        table.AddRow("Mean minutes (need-weighted)", F(all.MeanMinutes));
        if (all.CoveredShare is { } share)
        {
            table.AddRow("Need within threshold", share.ToString("P1", CultureInfo.InvariantCulture));
        }
        if (result.Core20CoveredShare is { } core)
        {
            table.AddRow("Core20 need within threshold", core.ToString("P1", CultureInfo.InvariantCulture));
        }
        if (result.WorstQuintileMeanMinutes is { } worst)
        {
            table.AddRow("Worst IMD quintile mean minutes", F(worst));
        }
        table.AddRow("Output", Markup.Escape(outFolder));
        table.AddRow("Time", clock.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture) + " s");
        ConsoleTables.Write(table);
    }
}

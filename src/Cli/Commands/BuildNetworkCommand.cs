using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Geo.Cli.Output;
using Geo.Core;
using Geo.Routing.Contraction;
using Geo.Routing.Matrices;
using Geo.Routing.Profiles;
using Geo.Routing.Streets;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Geo.Cli.Commands;

/// <summary>geo build-network: OSM PBF -> .geonet street network (car, walk and cycle graphs).</summary>
public sealed class BuildNetworkCommand : Command<BuildNetworkCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--osm <PBF>")]
        [Description("Input OpenStreetMap extract (.osm.pbf), e.g. region.osm.pbf. Required unless --write-default-profiles is given.")]
        public string? Osm { get; init; }

        [CommandOption("--out <FILE>")]
        [Description("Output street network file (.geonet), written atomically (temp file, then rename). Required unless --write-default-profiles is given.")]
        public string? Out { get; init; }

        [CommandOption("--profiles <JSON>")]
        [Description("Street profile file (access, oneway, speeds in km/h, car time-band factors). Default: the built-in UK profile; write it out with --write-default-profiles to edit it.")]
        public string? Profiles { get; init; }

        [CommandOption("--contract <MODES>")]
        [Description("Build the contraction hierarchies of these modes now (comma-separated: car, walk, cycle; or none), saved beside the network so the first matrix does not wait for them. Car is contracted for the off-peak band. Default: car.")]
        public string Contract { get; init; } = "car";

        [CommandOption("--write-default-profiles <JSON>")]
        [Description("Write the built-in, documented profile file to this path and exit (no build).")]
        public string? WriteDefaultProfiles { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.WriteDefaultProfiles is { } profilesOut)
        {
            AtomicFile.WriteAllText(profilesOut, StreetProfiles.DefaultJson);
            AnsiConsole.MarkupLine("Wrote the default street profiles to [bold]" + Markup.Escape(profilesOut) + "[/].");
            if (settings.Osm is null && settings.Out is null)
            {
                return ExitCodes.Ok;
            }
        }
        if (string.IsNullOrWhiteSpace(settings.Osm))
        {
            throw new UsageException("--osm <PBF> is required (the OpenStreetMap extract to build from).");
        }
        if (string.IsNullOrWhiteSpace(settings.Out))
        {
            throw new UsageException("--out <FILE> is required (the .geonet file to write).");
        }
        var contractModes = ParseContractModes(settings.Contract);
        var profiles = settings.Profiles is null ? StreetProfiles.Default : StreetProfiles.Load(settings.Profiles);
        var clock = Stopwatch.StartNew();
        var stderr = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        StreetNetwork? network = null;
        stderr.Status().Start("Reading " + Markup.Escape(settings.Osm), status =>
        {
            var progress = new SyncProgress(message => status.Status(Markup.Escape(message)));
            network = StreetNetwork.BuildFromPbf(settings.Osm, profiles, progress);
            progress.Report("Writing " + settings.Out);
            network.Save(settings.Out);
        });
        var buildSeconds = clock.Elapsed.TotalSeconds;
        var r = network!.BuildReport;
        var sourceHash = network.SourceHash;
        // The built network is not needed any more: free it before contracting, which loads the saved copy.
        network = null;
        ReleaseMemory();
        var contractSeconds = new List<(TravelMode Mode, double Seconds)>();
        var outPath = settings.Out;
        if (contractModes.Count > 0)
        {
            foreach (var mode in contractModes)
            {
                var started = clock.Elapsed.TotalSeconds;
                stderr.Status().Start("Contracting " + mode.ToName(), status => Contract(outPath, sourceHash, mode, status));
                contractSeconds.Add((mode, clock.Elapsed.TotalSeconds - started));
                ReleaseMemory();
            }
        }
        var table = new Table().Title("Street network " + Markup.Escape(settings.Out));
        table.AddColumn("Measure");
        table.AddColumn(new TableColumn("Car").RightAligned());
        table.AddColumn(new TableColumn("Walk").RightAligned());
        table.AddColumn(new TableColumn("Cycle").RightAligned());
        static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
        table.AddRow("Vertices", N(r.Car.Vertices), N(r.Walk.Vertices), N(r.Cycle.Vertices));
        table.AddRow("Edges", N(r.Car.Edges), N(r.Walk.Edges), N(r.Cycle.Edges));
        table.AddRow("Vertices dropped (islands)", N(r.Car.VerticesDroppedByPruning), N(r.Walk.VerticesDroppedByPruning), N(r.Cycle.VerticesDroppedByPruning));
        table.AddRow("Edges dropped (islands)", N(r.Car.EdgesDroppedByPruning), N(r.Walk.EdgesDroppedByPruning), N(r.Cycle.EdgesDroppedByPruning));
        ConsoleTables.Write(table);
        var summary = new Table().HideHeaders();
        summary.AddColumn("Measure");
        summary.AddColumn(new TableColumn("Value").RightAligned());
        summary.AddRow("Ways read", N(r.WaysRead));
        summary.AddRow("Routable ways", N(r.RoutableWays));
        summary.AddRow("Nodes used", N(r.Nodes));
        summary.AddRow("Nodes missing from file", N(r.MissingNodes));
        summary.AddRow("Distinct tag sets profiled", N(r.DistinctTagSets));
        summary.AddRow("Turn restrictions read", N(r.TurnRestrictionsRead));
        summary.AddRow("Turn restrictions applied (car)", N(r.TurnRestrictionsApplied));
        summary.AddRow("Turn restrictions skipped", N(r.TurnRestrictionsSkipped));
        summary.AddRow("Source SHA-256", sourceHash[..16] + "…");
        summary.AddRow("File size", (new FileInfo(settings.Out).Length / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " MiB");
        summary.AddRow("Time to read, build and write", buildSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s");
        foreach (var (mode, seconds) in contractSeconds)
        {
            summary.AddRow("Time to contract " + mode.ToName(), seconds.ToString("0.0", CultureInfo.InvariantCulture) + " s");
        }
        summary.AddRow("Time", clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s");
        summary.AddRow("Peak memory (working set)", (Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0).ToString("N0", CultureInfo.InvariantCulture) + " MiB");
        ConsoleTables.Write(summary);
        return ExitCodes.Ok;
    }

    /// <summary>
    /// Contracts a mode of the saved network as queries will load it, so the cached hierarchy's hash matches theirs. Only the
    /// mode's graph is kept: the rest of the network is freed before the contraction allocates its working memory.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Contract(string networkPath, string sourceHash, TravelMode mode, StatusContext status)
    {
        var graph = LoadModeGraph(networkPath, mode);
        ReleaseMemory();
        var options = new RoadMatrixOptions
        {
            NetworkPath = networkPath,
            Contraction = new ContractionOptions
            {
                Progress = (done, total) => status.Status($"Contracting {mode.ToName()} {done * 100L / Math.Max(1, total)}%"),
            },
        };
        RoadMatrixComputer.Hierarchy(sourceHash, mode, TimeBand.OffPeak, null, graph, options, out _);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ModeGraph LoadModeGraph(string networkPath, TravelMode mode) => StreetNetwork.Load(networkPath).GetModeGraph(mode);

    /// <summary>Collects and compacts the large-object heap between phases, so the next phase reuses the memory the last one freed.</summary>
    private static void ReleaseMemory()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    private static List<TravelMode> ParseContractModes(string text)
    {
        var modes = new List<TravelMode>();
        if (text.Trim().Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return modes;
        }
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TravelModes.TryParse(part, out var mode))
            {
                throw new UsageException($"--contract: unknown mode '{part}'. Use {TravelModes.ValidNames}, or none.");
            }
            if (!modes.Contains(mode))
            {
                modes.Add(mode);
            }
        }
        return modes;
    }

    private sealed class SyncProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}

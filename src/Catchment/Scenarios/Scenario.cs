using System.Text.Json.Serialization;
using Geo.Core;

namespace Geo.Catchment.Scenarios;

/// <summary>
/// A scenario file (see the results contract): zones, sites, modes, services, a baseline and the options to appraise.
/// Paths inside are relative to the scenario file; use <see cref="Resolve"/>. Load with <see cref="ScenarioReader"/>.
/// </summary>
public sealed record Scenario
{
    /// <summary>The travel modes the engine knows.</summary>
    public static readonly IReadOnlyList<string> KnownModes = ["car", "walk", "cycle", "transit"];

    public string Name { get; init; } = "Scenario";
    public NetworkSpec? Network { get; init; }
    public TransitSpec? Transit { get; init; }
    public ZoneSpec Zones { get; init; } = new();
    public SiteSpec Sites { get; init; } = new();
    public IReadOnlyList<string> Modes { get; init; } = [];
    public IReadOnlyList<string> Services { get; init; } = [];
    public OptionSpec Baseline { get; init; } = new() { Id = "baseline", Name = "Current" };
    public IReadOnlyList<OptionSpec> Options { get; init; } = [];
    public DemandSpec? Demand { get; init; }
    /// <summary>Optional path to a costs JSON (same shape as the built-in costs.default.json); built-in defaults otherwise.</summary>
    public string? Costs { get; init; }
    /// <summary>Optional external matrices by mode, used instead of routing.</summary>
    public IReadOnlyDictionary<string, MatrixSpec>? Matrices { get; init; }
    public PlacementSpec? Placement { get; init; }
    public SiteSpec? Providers { get; init; }
    /// <summary>Optional need maps (points per zone, percentages, visits as flow lines); see <see cref="NeedMapsSpec"/>.</summary>
    public NeedMapsSpec? NeedMaps { get; init; }
    /// <summary>Optional isochrones around the scenario's sites (road modes, bands in minutes); see <see cref="IsochroneSpec"/>.</summary>
    public IsochroneSpec? Isochrones { get; init; }
    /// <summary>Optional equality-flag settings; defaults: 10% and 2 minutes.</summary>
    public EqualitySpec? Equality { get; init; }
    /// <summary>Optional weights of the options ranking's criteria; defaults in <see cref="RankingWeights"/>.</summary>
    public RankingWeights? Ranking { get; init; }
    /// <summary>Optional edition/date of input files, keyed by the path as written in the scenario (shown in the report's methods section).</summary>
    public IReadOnlyDictionary<string, string>? Sources { get; init; }
    /// <summary>Optional extra attribution lines (e.g. a timetable licence the feed does not state), shown in the report and viewer.</summary>
    public IReadOnlyList<string>? Attribution { get; init; }
    /// <summary>Optional visits per year, for annual totals of patient cost and carbon.</summary>
    public VisitsSpec? VisitsPerYear { get; init; }

    /// <summary>The scenario file this was read from (null when built in code).</summary>
    [JsonIgnore]
    public string? FilePath { get; init; }

    /// <summary>Folder that relative paths are resolved against (the scenario file's folder, else the current folder).</summary>
    [JsonIgnore]
    public string BaseDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>How the scenario's CSV inputs are read (encoding) and where their row issues go; strict UTF-8 unless a command sets it.</summary>
    [JsonIgnore]
    public InputOptions Input { get; init; } = new();

    /// <summary>Lines of a YAML scenario's values by JSON path (null for JSON, whose parser gives lines itself).</summary>
    [JsonIgnore]
    internal ScenarioLines? Lines { get; init; }

    /// <summary>The baseline followed by the options, in file order.</summary>
    [JsonIgnore]
    public IReadOnlyList<OptionSpec> AllOptions => [Baseline, .. Options];

    /// <summary>Resolves a path from the scenario file against <see cref="BaseDirectory"/>.</summary>
    public string Resolve(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(BaseDirectory, path));
    }

    /// <summary>Checks the scenario on its own (no files read); throws <see cref="Geo.Core.InputFileException"/> naming the JSON path.</summary>
    public void Validate() => (Lines ?? new ScenarioLines()).Locate(() => ScenarioValidator.Validate(this, null));

    /// <summary>Checks the scenario against the loaded site ids as well: options naming unknown sites are errors.</summary>
    public void Validate(IReadOnlyCollection<string> siteIds)
    {
        ArgumentNullException.ThrowIfNull(siteIds);
        (Lines ?? new ScenarioLines()).Locate(() => ScenarioValidator.Validate(this, siteIds));
    }
}

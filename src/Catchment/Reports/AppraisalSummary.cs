using System.Text.Json;
using System.Text.Json.Serialization;
using Geo.Catchment.Costs;
using Geo.Catchment.Equality;
using Geo.Catchment.Reports.Methods;
using Geo.Catchment.Scenarios;
using Geo.Catchment.Scoring;
using Geo.Core;

namespace Geo.Catchment.Reports;

/// <summary>
/// summary.json (results contract): scenario, generatedUtc, options [{id, name}], modes, services, metrics, equality, ranking;
/// plus added fields: weightedBy, zoneCount, siteCount, kmEstimated, rankingMethod, equalityRule, sCurveHorizonMinutes, costs, sites, placement.
/// Missing numbers are null.
/// </summary>
public sealed record AppraisalSummary
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public required string Scenario { get; init; }
    public DateTime GeneratedUtc { get; init; }
    public required IReadOnlyList<OptionInfo> Options { get; init; }
    public required IReadOnlyList<string> Modes { get; init; }
    public required IReadOnlyList<string> Services { get; init; }
    public required IReadOnlyList<OptionMetrics> Metrics { get; init; }
    public required IReadOnlyList<EqualityRow> Equality { get; init; }
    public required IReadOnlyList<RankingRow> Ranking { get; init; }
    public string WeightedBy { get; init; } = "population";
    public int ZoneCount { get; init; }
    public int SiteCount { get; init; }
    public IReadOnlyDictionary<string, bool> KmEstimated { get; init; } = new Dictionary<string, bool>();
    public string RankingMethod { get; init; } = new RankingWeights().Describe();
    public RankingWeights RankingWeights { get; init; } = new();
    /// <summary>The "within T minutes" rule used by every band, coverage and cut-off.</summary>
    public string TimeBandRule { get; init; } = Within.Rule;
    /// <summary>The methods-and-data section: inputs with dates/versions, methods, known limits, attribution.</summary>
    public MethodsAndData? Methods { get; init; }
    public string EqualityRule { get; init; } = "";
    public int SCurveHorizonMinutes { get; init; }
    public CostSettings? Costs { get; init; }
    /// <summary>Problems found in the input rows (rows skipped, values read as missing); listed in input_issues.csv when any.</summary>
    public int InputIssues { get; init; }
    /// <summary>Sites that are open in at least one option, with their status in each.</summary>
    public IReadOnlyList<SiteInfo> Sites { get; init; } = [];
    /// <summary>The scenario's placement outcome (geo run); null when no placement was run.</summary>
    public PlacementSummary? Placement { get; init; }

    public void Write(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, JsonOptions));

    public static AppraisalSummary Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new InputFileException(path, null, null, "summary.json not found");
        }
        try
        {
            return JsonSerializer.Deserialize<AppraisalSummary>(File.ReadAllText(path), JsonOptions)
                ?? throw new InputFileException(path, 1, "$", "summary.json is empty");
        }
        catch (JsonException ex)
        {
            throw new InputFileException(path, ex.LineNumber is long l ? (int)l + 1 : null, ex.Path, "not a valid summary.json: " + ex.Message);
        }
    }
}

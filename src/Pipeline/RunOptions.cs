namespace Geo.Pipeline;

/// <summary>What <c>geo run</c> was asked to do.</summary>
public sealed record RunOptions
{
    /// <summary>The scenario JSON file (results contract); paths inside it are relative to it.</summary>
    public required string ScenarioPath { get; init; }

    /// <summary>The results folder (created). The street network is cached in its <c>network/</c> subfolder.</summary>
    public required string OutFolder { get; init; }

    /// <summary>A prebuilt street network (.geonet from <c>geo build-network</c>) to use instead of building from the scenario's OSM file.</summary>
    public string? NetworkPath { get; init; }

    /// <summary>Worker threads for the matrices (null = all cores).</summary>
    public int? Threads { get; init; }

    /// <summary>Skip the static PNG maps (and the map section of report.html).</summary>
    public bool SkipMaps { get; init; }

    /// <summary>Skip the placement block even when the scenario has one.</summary>
    public bool SkipPlacement { get; init; }

    /// <summary>How the scenario's CSV inputs are read (--encoding) and where their row issues go (--strict).</summary>
    public Geo.Core.InputOptions Input { get; init; } = new();
}

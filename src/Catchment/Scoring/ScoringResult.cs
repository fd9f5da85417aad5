using Geo.Catchment.Inputs;
using Geo.Catchment.Scenarios;

namespace Geo.Catchment.Scoring;

/// <summary>All <see cref="ScoreBlock"/>s of an appraisal, indexed option-major: ((option x modes) + mode) x services + service.</summary>
public sealed class ScoringResult
{
    internal ScoringResult(IReadOnlyList<OptionSpec> options, IReadOnlyList<string> modes, IReadOnlyList<string> services,
        ZoneTable zones, SiteTable sites, ScoreBlock[] blocks, IReadOnlyDictionary<string, bool> kmEstimated)
    {
        Options = options;
        Modes = modes;
        Services = services;
        Zones = zones;
        Sites = sites;
        Blocks = blocks;
        KmEstimated = kmEstimated;
    }

    /// <summary>Baseline first, then the options.</summary>
    public IReadOnlyList<OptionSpec> Options { get; }
    public IReadOnlyList<string> Modes { get; }
    public IReadOnlyList<string> Services { get; }
    public ZoneTable Zones { get; }
    public SiteTable Sites { get; }
    public IReadOnlyList<ScoreBlock> Blocks { get; }
    /// <summary>Per mode: true when km (and so cost and carbon) was estimated as straight line x detour factor.</summary>
    public IReadOnlyDictionary<string, bool> KmEstimated { get; }

    public ScoreBlock Block(int option, int mode, int service) => Blocks[(option * Modes.Count + mode) * Services.Count + service];
}

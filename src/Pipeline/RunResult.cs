using Geo.Catchment.Appraisal;

using Geo.Catchment.Scenarios;

namespace Geo.Pipeline;

/// <summary>What <see cref="RunPipeline.Run"/> produced: the appraisal, the stages with their timings and every file written.</summary>
public sealed record RunResult(
    AppraisalResult Appraisal,
    IReadOnlyList<RunStage> Stages,
    IReadOnlyList<string> Files,
    IReadOnlyList<string> Warnings,
    string ReportPath);

using Geo.Catchment.Reports;
using Geo.Catchment.Scoring;

namespace Geo.Catchment.Appraisal;

/// <summary>What <see cref="Appraiser.Run(Scenario, IReadOnlyDictionary{string, Inputs.TravelMatrix}, string, IProgress{string})"/> produced.</summary>
public sealed record AppraisalResult(AppraisalSummary Summary, ScoringResult Scoring, IReadOnlyList<string> Files);

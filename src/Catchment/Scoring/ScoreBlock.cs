namespace Geo.Catchment.Scoring;

/// <summary>
/// Per-zone results for one option x mode x service as parallel arrays (index = zone). Missing numbers are NaN, a missing
/// site is -1. Money and carbon are per visit (see <see cref="Costs.CostSettings.JourneysPerVisit"/>).
/// </summary>
public sealed class ScoreBlock
{
    public ScoreBlock(int option, string optionId, string mode, string service, int zones)
    {
        Option = option;
        OptionId = optionId;
        Mode = mode;
        Service = service;
        Site = new int[zones];
        NextSite = new int[zones];
        Minutes = new double[zones];
        Km = new double[zones];
        Interchanges = new double[zones];
        CostGbp = new double[zones];
        CarbonKg = new double[zones];
        GeneralisedCostGbp = new double[zones];
        ChangeMinutes = new double[zones];
        NextMinutes = new double[zones];
        Status = new ZoneStatus[zones];
    }

    /// <summary>Index of the option in <see cref="Scenarios.Scenario.AllOptions"/> (0 = baseline).</summary>
    public int Option { get; }
    public string OptionId { get; }
    public string Mode { get; }
    public string Service { get; }
    public int[] Site { get; }
    public double[] Minutes { get; }
    public double[] Km { get; }
    public double[] Interchanges { get; }
    public double[] CostGbp { get; }
    public double[] CarbonKg { get; }
    public double[] GeneralisedCostGbp { get; }
    /// <summary>Minutes minus the baseline's minutes for the same mode and service; NaN unless both are reachable.</summary>
    public double[] ChangeMinutes { get; }
    public int[] NextSite { get; }
    public double[] NextMinutes { get; }
    public ZoneStatus[] Status { get; }
    public int Count => Site.Length;
}

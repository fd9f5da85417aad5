namespace Geo.Catchment.Scenarios;

/// <summary>Placement problem names as written in scenarios and on the command line (here so scenario validation needs no solver).</summary>
public static class PlacementProblemKinds
{
    /// <summary>Parses a command-line problem name; false when unknown.</summary>
    public static bool TryParse(string text, out PlacementProblemKind kind)
    {
        switch (text.Trim().ToUpperInvariant())
        {
            case "PMEDIAN" or "P-MEDIAN":
                kind = PlacementProblemKind.PMedian;
                return true;
            case "MCLP":
                kind = PlacementProblemKind.Mclp;
                return true;
            case "LSCP":
                kind = PlacementProblemKind.Lscp;
                return true;
            case "PCENTER" or "P-CENTER":
                kind = PlacementProblemKind.PCenter;
                return true;
            case "CPMEDIAN" or "CAPACITATED" or "CAPACITATED-PMEDIAN":
                kind = PlacementProblemKind.CapacitatedPMedian;
                return true;
            default:
                kind = default;
                return false;
        }
    }
}

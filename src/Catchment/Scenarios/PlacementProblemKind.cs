namespace Geo.Catchment.Scenarios;

/// <summary>Which location-allocation problem to solve. Command-line names in brackets.</summary>
public enum PlacementProblemKind
{
    /// <summary>[pmedian] Open p new sites to minimise total need-weighted minutes to the nearest open site.</summary>
    PMedian,
    /// <summary>[mclp] Maximal covering: open p new sites to maximise the need within the threshold of an open site.</summary>
    Mclp,
    /// <summary>[lscp] Location set covering: the fewest new sites so that every zone with need is within the threshold.</summary>
    Lscp,
    /// <summary>[pcenter] Open p new sites to minimise the worst (largest) minutes from a zone with need to its nearest open site.</summary>
    PCenter,
    /// <summary>[cpmedian] Capacitated p-median: as p-median, but the need assigned to a site may not exceed its capacity.</summary>
    CapacitatedPMedian,
}

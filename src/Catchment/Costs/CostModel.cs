namespace Geo.Catchment.Costs;

/// <summary>
/// Per-visit money, carbon and generalised cost for one mode, from one-way minutes, km and fare:
/// car money = km x (pence per mile / 1.609344) x journeys + parking; transit money = (fare or flat fare) x journeys;
/// walk/cycle money = 0; carbon = km x kgCO2e/km x journeys; generalised = money + minutes x journeys / 60 x value of time.
/// </summary>
public readonly struct CostModel
{
    private readonly double _perKmGbp;
    private readonly double _perVisitGbp;
    private readonly double _fareGbp;
    private readonly bool _usesFare;
    private readonly double _kgPerKm;
    private readonly double _journeys;
    private readonly double _valueOfTimePerMinute;

    public CostModel(CostSettings settings, string mode)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(mode);
        _journeys = settings.JourneysPerVisit;
        _kgPerKm = settings.KgCo2ePerKmFor(mode);
        _valueOfTimePerMinute = settings.ValueOfTimeGbpPerHour / 60.0;
        _perKmGbp = mode == "car" ? settings.CarGbpPerKm : 0;
        _perVisitGbp = mode == "car" ? settings.CarParkingGbpPerVisit : 0;
        _usesFare = mode == "transit";
        _fareGbp = settings.TransitFlatFareGbp;
        UsesValueOfTime = settings.ValueOfTimeGbpPerHour > 0;
    }

    public bool UsesValueOfTime { get; }

    /// <summary>Money per visit; NaN when the distance needed is unknown. <paramref name="fareGbp"/> NaN = use the flat fare.</summary>
    public double CostGbp(double km, double fareGbp)
    {
        if (_usesFare)
        {
            return (double.IsNaN(fareGbp) ? _fareGbp : fareGbp) * _journeys;
        }
        if (_perKmGbp == 0)
        {
            return 0;
        }
        return double.IsNaN(km) ? double.NaN : km * _perKmGbp * _journeys + _perVisitGbp;
    }

    /// <summary>kg CO2e per visit; NaN when the distance is unknown and the factor is not zero.</summary>
    public double CarbonKg(double km) => _kgPerKm == 0 ? 0 : km * _kgPerKm * _journeys;

    /// <summary>Money plus time valued at the value of time; NaN when value of time is off.</summary>
    public double GeneralisedCostGbp(double minutes, double costGbp) =>
        UsesValueOfTime ? costGbp + minutes * _journeys * _valueOfTimePerMinute : double.NaN;
}

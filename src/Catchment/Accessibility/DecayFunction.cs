using System.Globalization;

namespace Geo.Catchment.Accessibility;

/// <summary>
/// A distance-decay function of travel time in minutes (weights in [0, 1] for the built-in shapes). A missing route (NaN) weighs 0.
/// Create with the static factories: <see cref="Step"/>, <see cref="Linear"/>, <see cref="Exponential"/>, <see cref="Gaussian"/>,
/// <see cref="Logistic"/>, <see cref="Bands"/>. <see cref="CutoffMinutes"/> is the catchment radius (infinity = none).
/// </summary>
public sealed record DecayFunction
{
    private DecayFunction(DecayKind kind, double cutoffMinutes, double parameter, double secondParameter, double[]? bandUpperMinutes, double[]? bandWeights)
    {
        Kind = kind;
        CutoffMinutes = cutoffMinutes;
        Parameter = parameter;
        SecondParameter = secondParameter;
        BandUpperMinutes = bandUpperMinutes;
        BandWeights = bandWeights;
    }

    public DecayKind Kind { get; }
    public double CutoffMinutes { get; }
    /// <summary>beta (exponential, per minute), sigma (Gaussian, minutes) or midpoint (logistic, minutes).</summary>
    public double Parameter { get; }
    /// <summary>Logistic scale in minutes.</summary>
    public double SecondParameter { get; }
    public IReadOnlyList<double>? BandUpperMinutes { get; }
    public IReadOnlyList<double>? BandWeights { get; }

    /// <summary>1 within <paramref name="cutoffMinutes"/>, else 0.</summary>
    public static DecayFunction Step(double cutoffMinutes) => new(DecayKind.Step, Positive(cutoffMinutes, nameof(cutoffMinutes)), 0, 0, null, null);

    /// <summary>1 - t / cutoff, 0 beyond.</summary>
    public static DecayFunction Linear(double cutoffMinutes) => new(DecayKind.Linear, Positive(cutoffMinutes, nameof(cutoffMinutes)), 0, 0, null, null);

    /// <summary>exp(-beta t); e.g. beta = ln 2 / 15 halves the weight every 15 minutes.</summary>
    public static DecayFunction Exponential(double betaPerMinute, double cutoffMinutes = double.PositiveInfinity) =>
        new(DecayKind.Exponential, PositiveOrInfinity(cutoffMinutes), NonNegative(betaPerMinute, nameof(betaPerMinute)), 0, null, null);

    /// <summary>exp(-t^2 / (2 sigma^2)).</summary>
    public static DecayFunction Gaussian(double sigmaMinutes, double cutoffMinutes = double.PositiveInfinity) =>
        new(DecayKind.Gaussian, PositiveOrInfinity(cutoffMinutes), Positive(sigmaMinutes, nameof(sigmaMinutes)), 0, null, null);

    /// <summary>1 / (1 + exp((t - midpoint) / scale)): 0.5 at the midpoint.</summary>
    public static DecayFunction Logistic(double midpointMinutes, double scaleMinutes, double cutoffMinutes = double.PositiveInfinity) =>
        new(DecayKind.Logistic, PositiveOrInfinity(cutoffMinutes), NonNegative(midpointMinutes, nameof(midpointMinutes)), Positive(scaleMinutes, nameof(scaleMinutes)), null, null);

    /// <summary>Stepped band weights, e.g. bands (10, 20, 30) with weights (1, 0.68, 0.22) as in Luo and Qi's E2SFCA. Bands ascending.</summary>
    public static DecayFunction Bands(IReadOnlyList<double> upperMinutes, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(upperMinutes);
        ArgumentNullException.ThrowIfNull(weights);
        if (upperMinutes.Count == 0 || upperMinutes.Count != weights.Count)
        {
            throw new ArgumentException("give one weight per band and at least one band");
        }
        for (var k = 0; k < upperMinutes.Count; k++)
        {
            if (!(upperMinutes[k] > 0) || (k > 0 && upperMinutes[k] <= upperMinutes[k - 1]))
            {
                throw new ArgumentException("band upper bounds must be positive and ascending", nameof(upperMinutes));
            }
            if (!(weights[k] >= 0) || !double.IsFinite(weights[k]))
            {
                throw new ArgumentException("band weights must be finite and >= 0", nameof(weights));
            }
        }
        return new DecayFunction(DecayKind.Bands, upperMinutes[^1], 0, 0, [.. upperMinutes], [.. weights]);
    }

    /// <summary>
    /// Parses "step:30", "linear:30", "exp:0.05[:cutoff]", "gauss:15[:cutoff]", "logistic:20:5[:cutoff]" or "bands:10=1,20=0.68,30=0.22".
    /// </summary>
    public static DecayFunction Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(':', StringSplitOptions.TrimEntries);
        double Number(int index)
        {
            if (index >= parts.Length || !double.TryParse(parts[index], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new ArgumentException($"decay '{text}': expected a number in part {index + 1}; forms: step:30, linear:30, exp:0.05[:cutoff], gauss:15[:cutoff], logistic:20:5[:cutoff], bands:10=1,20=0.68,30=0.22");
            }
            return value;
        }
        double Optional(int index) => index < parts.Length ? Number(index) : double.PositiveInfinity;
        return parts[0].ToUpperInvariant() switch
        {
            "STEP" => Step(Number(1)),
            "LINEAR" => Linear(Number(1)),
            "EXP" or "EXPONENTIAL" => Exponential(Number(1), Optional(2)),
            "GAUSS" or "GAUSSIAN" => Gaussian(Number(1), Optional(2)),
            "LOGISTIC" => Logistic(Number(1), Number(2), Optional(3)),
            "BANDS" when parts.Length == 2 => ParseBands(text, parts[1]),
            _ => throw new ArgumentException($"decay '{text}': unknown shape '{parts[0]}'; use step, linear, exp, gauss, logistic or bands"),
        };
    }

    private static DecayFunction ParseBands(string text, string body)
    {
        var upper = new List<double>();
        var weight = new List<double>();
        foreach (var band in body.Split(',', StringSplitOptions.TrimEntries))
        {
            var pair = band.Split('=');
            if (pair.Length != 2
                || !double.TryParse(pair[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var u)
                || !double.TryParse(pair[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var w))
            {
                throw new ArgumentException($"decay '{text}': band '{band}' must be minutes=weight");
            }
            upper.Add(u);
            weight.Add(w);
        }
        return Bands(upper, weight);
    }

    /// <summary>Weight for a travel time in minutes; 0 for NaN (no route) and beyond the cutoff.</summary>
    public double Weight(double minutes)
    {
        if (!Scoring.Within.Minutes(minutes, CutoffMinutes))
        {
            return 0;
        }
        switch (Kind)
        {
            case DecayKind.Step:
                return 1;
            case DecayKind.Linear:
                return Math.Max(0, 1 - minutes / CutoffMinutes);
            case DecayKind.Exponential:
                return Math.Exp(-Parameter * minutes);
            case DecayKind.Gaussian:
                return Math.Exp(-minutes * minutes / (2 * Parameter * Parameter));
            case DecayKind.Logistic:
                return 1 / (1 + Math.Exp((minutes - Parameter) / SecondParameter));
            default:
                for (var k = 0; k < BandUpperMinutes!.Count; k++)
                {
                    if (Scoring.Within.Minutes(minutes, BandUpperMinutes[k]))
                    {
                        return BandWeights![k];
                    }
                }
                return 0;
        }
    }

    private static double Positive(double value, string name) =>
        value > 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(name, value, "must be a finite number > 0");

    private static double NonNegative(double value, string name) =>
        value >= 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(name, value, "must be a finite number >= 0");

    private static double PositiveOrInfinity(double value) =>
        value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "cutoff must be > 0 (infinity = none)");
}

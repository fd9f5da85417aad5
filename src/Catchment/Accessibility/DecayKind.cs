namespace Geo.Catchment.Accessibility;

/// <summary>Shape of a distance-decay function f(t) of travel time t in minutes; see <see cref="DecayFunction"/>.</summary>
public enum DecayKind
{
    /// <summary>f = 1 when t &lt;= cutoff, else 0.</summary>
    Step,
    /// <summary>f = max(0, 1 - t / cutoff).</summary>
    Linear,
    /// <summary>f = exp(-beta t), zero beyond the cutoff when one is given.</summary>
    Exponential,
    /// <summary>f = exp(-t^2 / (2 sigma^2)), zero beyond the cutoff when one is given.</summary>
    Gaussian,
    /// <summary>f = 1 / (1 + exp((t - midpoint) / scale)), zero beyond the cutoff when one is given.</summary>
    Logistic,
    /// <summary>Stepped weights by band (E2SFCA, Luo and Qi 2009): f = weight of the first band whose upper bound is &gt;= t, else 0.</summary>
    Bands,
}

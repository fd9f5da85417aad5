namespace Geo.Routing.Profiles;

/// <summary>The defaults of one highway class: which modes may use it and the speeds they travel at.</summary>
public sealed record HighwayProfile(
    bool Car,
    bool Walk,
    bool Cycle,
    double CarSpeedKmh,
    double CarRealismFactor,
    double WalkSpeedKmh,
    double CycleSpeedKmh,
    bool ImpliedOneway);

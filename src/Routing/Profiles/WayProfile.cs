namespace Geo.Routing.Profiles;

/// <summary>
/// What a profile decided for one distinct tag set: per mode, whether the way may be used along (forward) and
/// against (backward) its node order, and the speeds. Car speed is the off-peak free-flow speed (realism included).
/// </summary>
public readonly record struct WayProfile(
    HighwayClass Highway,
    bool CarForward,
    bool CarBackward,
    bool WalkForward,
    bool WalkBackward,
    bool CycleForward,
    bool CycleBackward,
    double CarSpeedKmh,
    double WalkSpeedKmh,
    double CycleSpeedKmh)
{
    public bool IsRoutable => CarForward || CarBackward || WalkForward || WalkBackward || CycleForward || CycleBackward;
}

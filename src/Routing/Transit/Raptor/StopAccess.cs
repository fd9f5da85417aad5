namespace Geo.Routing.Transit.Raptor;

/// <summary>A stop reachable from the origin (access) or to the destination (egress) in DurationSeconds.</summary>
public readonly record struct StopAccess(int Stop, int DurationSeconds);

namespace Geo.Routing.Transit.Timetable;

/// <summary>A walk between two different stops taking DurationSeconds (street network or straight line).</summary>
public readonly record struct Footpath(int FromStop, int ToStop, int DurationSeconds);

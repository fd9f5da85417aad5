namespace Geo.Core;

/// <summary>The inputs were readable but no valid result can be produced (e.g. a PBF with no routable ways).</summary>
public sealed class ComputationException(string message) : Exception(message);

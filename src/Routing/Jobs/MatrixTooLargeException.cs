namespace Geo.Routing.Jobs;

/// <summary>A matrix job refused before any work because its memory estimate exceeds what is available; the message says how to split it.</summary>
public sealed class MatrixTooLargeException(string message) : Exception(message);

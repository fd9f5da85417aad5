namespace Geo.Cluster.Jobs;

/// <summary>A silo's copy of a job input is missing or differs from the job's (SHA-256): it must not compute.</summary>
public sealed class InputMismatchException(string message) : Exception(message);

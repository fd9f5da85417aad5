namespace Geo.Core;

/// <summary>A command-line option is missing or invalid; exits with <see cref="ExitCodes.Usage"/>.</summary>
public sealed class UsageException(string message) : Exception(message);

namespace Geo.RoutingServer.Osrm;

/// <summary>
/// An OSRM error answer: its code (as osrm-routed spells them) and message. osrm-routed answers every error with
/// HTTP 400 and a body {"code": ..., "message": ...}; so does this server.
/// </summary>
public sealed class OsrmError(string code, string message) : Exception(message)
{
    public string Code { get; } = code;

    public const string InvalidUrl = "InvalidUrl";
    public const string InvalidService = "InvalidService";
    public const string InvalidVersion = "InvalidVersion";
    public const string InvalidOptions = "InvalidOptions";
    public const string InvalidQuery = "InvalidQuery";
    public const string InvalidValue = "InvalidValue";
    public const string NoSegment = "NoSegment";
    public const string NoRoute = "NoRoute";
    public const string TooBig = "TooBig";
    public const string NotImplemented = "NotImplemented";

    public static OsrmError Url(string message) => new(InvalidUrl, message);
    public static OsrmError Options(string message) => new(InvalidOptions, message);
    public static OsrmError Value(string message) => new(InvalidValue, message);
}

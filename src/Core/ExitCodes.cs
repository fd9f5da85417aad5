namespace Geo.Core;

/// <summary>Documented exit codes of every Geo front door (the geo command today).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>Bad command-line options (unknown mode, missing option).</summary>
    public const int Usage = 2;
    /// <summary>An input file is missing, unreadable or malformed; the message names file, line and field.</summary>
    public const int BadInput = 3;
    /// <summary>An output could not be written.</summary>
    public const int OutputFailed = 4;
    /// <summary>The computation could not produce a valid result (e.g. no routable ways, infeasible placement).</summary>
    public const int Failed = 5;
    /// <summary>An unexpected internal error (a bug: please report it).</summary>
    public const int Internal = 70;
}

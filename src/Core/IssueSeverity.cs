namespace Geo.Core;

/// <summary>How much an input issue matters: Info (repaired silently), Warning (entity kept or skipped, result still valid), Error (entity dropped).</summary>
public enum IssueSeverity
{
    Info,
    Warning,
    Error,
}

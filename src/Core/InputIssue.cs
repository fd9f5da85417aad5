namespace Geo.Core;

/// <summary>One problem found in an input file (r5-style): where it is (file, 1-based line, field), which entity, a stable code and a message.</summary>
public sealed record InputIssue(string File, int Line, string? Field, string? EntityId, IssueCode IssueCode, IssueSeverity Severity, string Message)
{
    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}" : File;
        var field = Field is null ? "" : $" [{Field}]";
        var entity = EntityId is null ? "" : $" ({EntityId})";
        return $"{Severity} {IssueCode} at {where}{field}{entity}: {Message}";
    }
}

namespace Geo.Core;

/// <summary>Count of issues with one code, with the first recorded example.</summary>
public sealed record IssueSummary(IssueCode IssueCode, IssueSeverity Severity, int Count, InputIssue FirstExample);

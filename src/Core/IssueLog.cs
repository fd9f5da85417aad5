namespace Geo.Core;

/// <summary>
/// Collects <see cref="InputIssue"/>s (GTFS feeds and the CSV inputs alike). Every issue is counted, but only the first
/// <see cref="MaxStoredPerCode"/> of each code are kept, so a feed with a million bad rows cannot exhaust memory (r5's approach).
/// A <see cref="Strict"/> log turns the first Warning or Error into an <see cref="InputFileException"/> naming its file, line
/// and field (<c>--strict</c>, and the library default for the CSV readers). Thread-safe for Add.
/// </summary>
public sealed class IssueLog
{
    private readonly Lock _lock = new();
    private readonly List<InputIssue> _issues = [];
    private readonly Dictionary<IssueCode, (int Count, IssueSeverity Severity, InputIssue First)> _counts = [];

    public IssueLog(int maxStoredPerCode = 100, bool strict = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxStoredPerCode);
        MaxStoredPerCode = maxStoredPerCode;
        Strict = strict;
    }

    public int MaxStoredPerCode { get; }

    /// <summary>When true, adding a Warning or Error throws instead of recording it (Info is always recorded).</summary>
    public bool Strict { get; }

    /// <summary>The stored issues (at most MaxStoredPerCode per code), in the order they were added.</summary>
    public IReadOnlyList<InputIssue> Issues
    {
        get
        {
            lock (_lock)
            {
                return [.. _issues];
            }
        }
    }

    public int TotalCount
    {
        get
        {
            lock (_lock)
            {
                var n = 0;
                foreach (var v in _counts.Values)
                {
                    n += v.Count;
                }
                return n;
            }
        }
    }

    public void Add(InputIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        if (Strict && issue.Severity != IssueSeverity.Info)
        {
            throw new InputFileException(issue.File, issue.Line > 0 ? issue.Line : null, issue.Field, WithoutConsequence(issue.Message));
        }
        lock (_lock)
        {
            if (_counts.TryGetValue(issue.IssueCode, out var c))
            {
                _counts[issue.IssueCode] = (c.Count + 1, (IssueSeverity)Math.Max((int)c.Severity, (int)issue.Severity), c.First);
                if (c.Count < MaxStoredPerCode)
                {
                    _issues.Add(issue);
                }
            }
            else
            {
                _counts[issue.IssueCode] = (1, issue.Severity, issue);
                _issues.Add(issue);
            }
        }
    }

    /// <summary>The message without its trailing "; row skipped" or "; ... read as ..." (what a lenient run does instead).</summary>
    private static string WithoutConsequence(string message)
    {
        var cut = message.LastIndexOf("; ", StringComparison.Ordinal);
        if (cut < 0)
        {
            return message;
        }
        var tail = message[(cut + 2)..];
        return tail.EndsWith(" skipped", StringComparison.Ordinal) || tail.Contains(" read as ", StringComparison.Ordinal) ? message[..cut] : message;
    }

    public void Add(string file, int line, string? field, string? entityId, IssueCode code, IssueSeverity severity, string message)
        => Add(new InputIssue(file, line, field, entityId, code, severity, message));

    /// <summary>"; the first problem: ..." naming the first issue logged for <paramref name="file"/>, or "" when none (for "no valid row" errors).</summary>
    public string FirstProblemIn(string file)
    {
        var first = Issues.FirstOrDefault(i => i.File == file);
        return first is null ? "" : $"; the first problem: line {first.Line}, {first.Field}: {first.Message}";
    }

    public int Count(IssueCode code)
    {
        lock (_lock)
        {
            return _counts.TryGetValue(code, out var c) ? c.Count : 0;
        }
    }

    /// <summary>One row per code that occurred, ordered by code.</summary>
    public IReadOnlyList<IssueSummary> Summarise()
    {
        lock (_lock)
        {
            var list = new List<IssueSummary>(_counts.Count);
            foreach (var (code, v) in _counts)
            {
                list.Add(new IssueSummary(code, v.Severity, v.Count, v.First));
            }
            list.Sort((a, b) => a.IssueCode.CompareTo(b.IssueCode));
            return list;
        }
    }
}

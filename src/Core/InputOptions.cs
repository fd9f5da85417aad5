using System.Text;

namespace Geo.Core;

/// <summary>
/// How a command reads its CSV inputs: the text encoding (<c>--encoding</c>) and the issue log that collects row problems
/// (bad rows skipped and reported; with <c>--strict</c> the first one is an error). The default, used by library callers that
/// pass none, is strict UTF-8: the first bad row stops the read, as before issue logs existed.
/// </summary>
public sealed class InputOptions
{
    /// <summary>Row issues kept per code for the results' input_issues.csv (all are counted).</summary>
    public const int MaxIssuesStoredPerCode = 10_000;

    public Encoding Encoding { get; init; } = TextFiles.StrictUtf8;

    public IssueLog Issues { get; init; } = new(MaxIssuesStoredPerCode, strict: true);

    /// <summary>For reading again a file whose issues were logged already: the same encoding, issues kept apart and lenient.</summary>
    public InputOptions Reread() => new() { Encoding = Encoding, Issues = new IssueLog(int.MaxValue, strict: false) };

    /// <summary>Options for a command line: <paramref name="encodingName"/> as given to --encoding (null = UTF-8).</summary>
    public static InputOptions For(string? encodingName, bool strict) => new()
    {
        Encoding = TextFiles.EncodingNamed(encodingName),
        Issues = new IssueLog(MaxIssuesStoredPerCode, strict),
    };
}

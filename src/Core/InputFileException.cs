namespace Geo.Core;

/// <summary>
/// An input file cannot be used. The message always names the file, and the line and field where known,
/// so a user can find and fix the problem.
/// </summary>
public sealed class InputFileException : Exception
{
    public InputFileException(string file, int? line, string? field, string problem)
        : base(Format(file, line, field, problem))
    {
        File = file;
        Line = line;
        Field = field;
        Problem = problem;
    }

    public string File { get; }
    public int? Line { get; }
    public string? Field { get; }
    public string Problem { get; }

    private static string Format(string file, int? line, string? field, string problem)
    {
        var where = line is null ? file : $"{file}:{line}";
        return field is null ? $"{where}: {problem}" : $"{where}: field '{field}': {problem}";
    }
}

using Geo.Core;

namespace Geo.Catchment.Scenarios;

/// <summary>
/// Where each value of a YAML scenario was written: JSON path (<c>$.placement.p</c>, <c>$.modes[0]</c>) -> 1-based line,
/// recorded while the YAML is converted to JSON, so a validation error that names a JSON path also names the YAML line.
/// </summary>
internal sealed class ScenarioLines
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.OrdinalIgnoreCase);

    public void Add(string path, int line) => _lines.TryAdd(path, line);

    /// <summary>The line of <paramref name="path"/>, else of its nearest recorded parent (a value the YAML left out); null when unknown.</summary>
    public int? LineOf(string? path)
    {
        while (!string.IsNullOrEmpty(path) && path.StartsWith('$'))
        {
            if (_lines.TryGetValue(path, out var line))
            {
                return line;
            }
            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0)
            {
                return null;
            }
            path = path[..cut];
        }
        return null;
    }

    /// <summary>Runs <paramref name="check"/>; an error naming a JSON path but no line is raised again with the YAML line.</summary>
    public void Locate(Action check)
    {
        ArgumentNullException.ThrowIfNull(check);
        try
        {
            check();
        }
        catch (InputFileException ex) when (ex.Line is null && LineOf(ex.Field) is int line)
        {
            throw new InputFileException(ex.File, line, ex.Field, ex.Problem);
        }
    }
}

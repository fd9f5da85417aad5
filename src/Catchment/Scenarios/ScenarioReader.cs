using System.Text.Json;
using System.Text.Json.Serialization;
using Geo.Core;

namespace Geo.Catchment.Scenarios;

/// <summary>Reads a scenario file — JSON (camelCase, comments and trailing commas allowed) or YAML (.yaml/.yml, same fields) — and validates it.</summary>
public static class ScenarioReader
{
    internal static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    /// <summary>Largest scenario file accepted (1 MiB).</summary>
    public const long MaxFileBytes = 1 << 20;

    /// <summary>Reads and validates (without site ids) the scenario at <paramref name="path"/>.</summary>
    public static Scenario Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new InputFileException(path, null, null, "scenario file not found");
        }
        if (new FileInfo(full).Length > MaxFileBytes)
        {
            throw new InputFileException(path, null, null, $"the scenario file is larger than {MaxFileBytes / 1024} KB; a scenario names its data files rather than holding data");
        }
        var text = TextFiles.ReadAllStrictUtf8(full, path);
        var isYaml = Path.GetExtension(full).ToUpperInvariant() is ".YAML" or ".YML";
        var lines = isYaml ? new ScenarioLines() : null;
        var json = lines is null ? text : ScenarioYaml.ToJson(text, path, lines);
        Scenario? scenario = null;
        // Errors naming a JSON path name the YAML line too.
        (lines ?? new ScenarioLines()).Locate(() => scenario = Parse(json, path, isYaml) with { Lines = lines });
        scenario!.Validate();
        return scenario;
    }

    /// <summary>Parses scenario JSON text; <paramref name="filePath"/> names the file in errors and anchors relative paths.</summary>
    public static Scenario Parse(string json, string filePath) => Parse(json, filePath, fromYaml: false);

    private static Scenario Parse(string json, string filePath, bool fromYaml)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(filePath);
        Scenario? scenario;
        try
        {
            scenario = JsonSerializer.Deserialize<Scenario>(json, Options);
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is long l && !fromYaml ? (int)l + 1 : (int?)null;
            throw new InputFileException(filePath, line, ex.Path ?? "$", "not a valid scenario: " + FirstSentence(ex.Message));
        }
        if (scenario is null)
        {
            throw new InputFileException(filePath, 1, "$", "the scenario is empty (null)");
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(filePath)) ?? Directory.GetCurrentDirectory();
        return scenario with { FilePath = filePath, BaseDirectory = folder };
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }
}

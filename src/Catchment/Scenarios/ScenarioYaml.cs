using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Geo.Core;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Geo.Catchment.Scenarios;

/// <summary>
/// Converts a YAML scenario (same fields as the JSON one) to JSON text. Plain scalars that look like numbers, true/false or
/// null/~ become those JSON types; quoted scalars stay strings. YAML syntax errors name the file and line.
/// Aliases are expanded, so the expansion is bounded (<see cref="MaxNodes"/>, <see cref="MaxDepth"/>): a small file of
/// nested aliases ("billion laughs") is refused at once instead of growing to gigabytes. The line of every value is kept
/// by JSON path (<see cref="ScenarioLines"/>) so later errors can name it.
/// </summary>
internal static partial class ScenarioYaml
{
    /// <summary>Most values (mappings, lists, scalars) after alias expansion; real scenarios have a few hundred.</summary>
    public const int MaxNodes = 100_000;

    /// <summary>Deepest nesting accepted (as System.Text.Json's default for the JSON form).</summary>
    public const int MaxDepth = 64;

    public static string ToJson(string yaml, string filePath) => ToJson(yaml, filePath, new ScenarioLines());

    public static string ToJson(string yaml, string filePath, ScenarioLines lines)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new InputFileException(filePath, (int)ex.Start.Line, null, "not valid YAML: " + ex.Message);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // e.g. "The current event is of an unsupported type" for a stray directive (found by fuzzing).
            throw new InputFileException(filePath, null, null, "not valid YAML: " + ex.Message);
        }
        if (stream.Documents.Count == 0)
        {
            throw new InputFileException(filePath, 1, "$", "the scenario is empty");
        }
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            var budget = new Budget(filePath);
            Write(writer, stream.Documents[0].RootNode, budget, 0, "$", lines);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private sealed class Budget(string filePath)
    {
        private int nodes;

        public void Spend(YamlNode node, int depth)
        {
            if (++nodes > MaxNodes)
            {
                throw new InputFileException(filePath, (int)node.Start.Line, null,
                    $"the YAML expands to more than {MaxNodes:N0} values (nested anchors and aliases?); write the values out or simplify the file");
            }
            if (depth > MaxDepth)
            {
                throw new InputFileException(filePath, (int)node.Start.Line, null, $"the YAML is nested deeper than {MaxDepth} levels");
            }
        }

        public string File => filePath;
    }

    private static void Write(Utf8JsonWriter writer, YamlNode node, Budget budget, int depth, string path, ScenarioLines lines)
    {
        budget.Spend(node, depth);
        lines.Add(path, (int)node.Start.Line);
        switch (node)
        {
            case YamlMappingNode map:
                writer.WriteStartObject();
                foreach (var (key, value) in map.Children)
                {
                    if (key is not YamlScalarNode scalarKey)
                    {
                        throw new InputFileException(budget.File, (int)key.Start.Line, null, "a mapping key must be a plain name, not a list or mapping");
                    }
                    var name = scalarKey.Value ?? "";
                    var child = path + "." + name;
                    lines.Add(child, (int)key.Start.Line);
                    writer.WritePropertyName(name);
                    Write(writer, value, budget, depth + 1, child, lines);
                }
                writer.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Write(writer, sequence.Children[i], budget, depth + 1, path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", lines);
                }
                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                var text = scalar.Value ?? "";
                if (scalar.Style is ScalarStyle.Plain or ScalarStyle.Any)
                {
                    if (text.Length == 0 || text is "~" or "null" or "Null" or "NULL")
                    {
                        writer.WriteNullValue();
                        return;
                    }
                    if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
                    {
                        writer.WriteBooleanValue(text.StartsWith('t') || text.StartsWith('T'));
                        return;
                    }
                    if (NumberPattern().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                    {
                        writer.WriteNumberValue(number);
                        return;
                    }
                }
                writer.WriteStringValue(text);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    [GeneratedRegex(@"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")]
    private static partial Regex NumberPattern();
}

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
/// </summary>
internal static partial class ScenarioYaml
{
    public static string ToJson(string yaml, string filePath)
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
        catch (InvalidOperationException ex)
        {
            throw new InputFileException(filePath, null, null, "not valid YAML: " + ex.Message);
        }
        if (stream.Documents.Count == 0)
        {
            throw new InputFileException(filePath, 1, "$", "the scenario is empty");
        }
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, stream.Documents[0].RootNode);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                writer.WriteStartObject();
                foreach (var (key, value) in map.Children)
                {
                    writer.WritePropertyName(((YamlScalarNode)key).Value ?? "");
                    Write(writer, value);
                }
                writer.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Children)
                {
                    Write(writer, item);
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

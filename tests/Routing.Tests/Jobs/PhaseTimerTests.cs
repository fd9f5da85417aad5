using System.Text.Json;
using Geo.Routing.Jobs;
using Geo.Routing.Tests.TestSupport;
using NUnit.Framework;

namespace Geo.Routing.Tests.Jobs;

[TestFixture]
public sealed class PhaseTimerTests
{
    /// <summary>The summary's facts are written directly for plain values: the same JSON the serializer writes for each.</summary>
    [Test]
    public void WriteJson_Facts_SameValuesAsTheSerializer()
    {
        var facts = new Dictionary<string, object?>
        {
            ["text"] = "Isle of Wight \"car\" → é",
            ["int"] = 1_000_000,
            ["long"] = 7_134_400_000L,
            ["double"] = 0.1 + 0.2,
            ["whole_double"] = 3.0,
            ["flag"] = true,
            ["none"] = null,
            ["list"] = new[] { 1, 2 },
        };
        using var folder = new TempFolder();
        var path = folder.File("summary.json");
        PhaseTimer.WriteJson(path, "matrix", [("load", TimeSpan.FromMilliseconds(1234))], TimeSpan.FromSeconds(2), facts);

        using var written = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var (key, value) in facts)
        {
            var element = written.RootElement.GetProperty(key);
            // Plain values as written (escapes included); a list compacted (the summary is indented).
            var text = element.ValueKind == JsonValueKind.Array ? JsonSerializer.Serialize(element) : element.GetRawText();
            Assert.That(text, Is.EqualTo(JsonSerializer.Serialize(value)), key);
        }
        Assert.That(written.RootElement.GetProperty("phases")[0].GetProperty("seconds").GetDouble(), Is.EqualTo(1.234));
    }
}

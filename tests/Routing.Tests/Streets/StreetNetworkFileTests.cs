using Geo.Core;
using Geo.Routing.Profiles;
using Geo.Routing.Streets;
using Geo.Routing.Tests.TestSupport;
using NUnit.Framework;

namespace Geo.Routing.Tests.Streets;

[TestFixture]
public sealed class StreetNetworkFileTests
{
    private static StreetNetwork SmallNetwork() => TestStreets.FromAscii("""
            n - - - g
            |       |
        w - x - - - e
        """)
        .Way("wx", "highway=residential")
        .Way("xn", "highway=residential", "oneway=yes")
        .Way("xe", "highway=primary", "maxspeed=40 mph")
        .Way("nge", "highway=footway")
        .Restriction("no_left_turn", 0, 'x', 1)
        .Build();

    [Test]
    public void SaveLoad_SmallNetwork_EveryModeGraphAndReportEqual()
    {
        var network = SmallNetwork();
        using var folder = new TempFolder();
        var path = folder.File("small.geonet");
        network.Save(path);
        var loaded = StreetNetwork.Load(path);
        Assert.That(loaded.SourceHash, Is.EqualTo(network.SourceHash));
        Assert.That(loaded.BuildReport, Is.EqualTo(network.BuildReport));
        Assert.That(loaded.Profiles.Json, Is.EqualTo(network.Profiles.Json));
        Assert.That(loaded.RoadLines().Select(l => (l.Line.Length, l.Highway)), Is.EqualTo(network.RoadLines().Select(l => (l.Line.Length, l.Highway))));
        foreach (var mode in TravelModes.All)
        {
            foreach (var band in TimeBands.All)
            {
                var a = network.GetModeGraph(mode, null, band);
                var b = loaded.GetModeGraph(mode, null, band);
                Assert.That(b.FirstEdge, Is.EqualTo(a.FirstEdge));
                Assert.That(b.EdgeTarget, Is.EqualTo(a.EdgeTarget));
                Assert.That(b.EdgeDurationMs, Is.EqualTo(a.EdgeDurationMs));
                Assert.That(b.EdgeLengthMm, Is.EqualTo(a.EdgeLengthMm));
                Assert.That(b.VertexLatE7, Is.EqualTo(a.VertexLatE7));
                Assert.That(b.VertexLonE7, Is.EqualTo(a.VertexLonE7));
            }
            for (var v = 0; v < network.GetModeGraph(mode).VertexCount; v++)
            {
                Assert.That(loaded.OsmNodeId(mode, v), Is.EqualTo(network.OsmNodeId(mode, v)));
            }
        }
        Assert.That(Directory.GetFiles(folder.Path), Has.Length.EqualTo(1), "no temporary file left behind");
    }

    [Test]
    public void Load_OneMode_SameGraphAsFullLoadAndOtherModesRefused()
    {
        var network = SmallNetwork();
        using var folder = new TempFolder();
        var path = folder.File("small.geonet");
        network.Save(path);
        var full = StreetNetwork.Load(path);
        foreach (var mode in TravelModes.All)
        {
            var only = StreetNetwork.Load(path, [mode]);
            var a = full.GetModeGraph(mode);
            var b = only.GetModeGraph(mode);
            Assert.That(b.FirstEdge, Is.EqualTo(a.FirstEdge));
            Assert.That(b.EdgeTarget, Is.EqualTo(a.EdgeTarget));
            Assert.That(b.EdgeDurationMs, Is.EqualTo(a.EdgeDurationMs));
            Assert.That(b.VertexLatE7, Is.EqualTo(a.VertexLatE7));
            Assert.That(only.BuildReport, Is.EqualTo(full.BuildReport));
            foreach (var other in TravelModes.All.Where(m => m != mode))
            {
                Assert.Throws<InvalidOperationException>(() => only.GetModeGraph(other), $"{other} was not loaded");
            }
        }
    }

    [Test]
    public void Load_OneModeOfADamagedFile_Refused()
    {
        var network = SmallNetwork();
        using var folder = new TempFolder();
        var path = folder.File("small.geonet");
        network.Save(path);
        var bytes = File.ReadAllBytes(path);
        bytes[^3] ^= 0x10; // in the cycle graph, the last one stored: skipped by a car-only load, still checked
        File.WriteAllBytes(path, bytes);
        var ex = Assert.Throws<InputFileException>(() => StreetNetwork.Load(path, [TravelMode.Car]));
        Assert.That(ex!.Message, Does.Contain("damaged"));
    }

    [Test]
    public void Load_MissingFile_ThrowsInputFileExceptionNamingRebuildCommand()
    {
        var ex = Assert.Throws<InputFileException>(() => StreetNetwork.Load("/no/such/region.geonet"));
        Assert.That(ex!.Message, Does.Contain("geo build-network"));
        Assert.That(ex.File, Is.EqualTo("/no/such/region.geonet"));
    }

    [TestCase("flip")]
    [TestCase("truncate")]
    [TestCase("magic")]
    [TestCase("empty")]
    public void Load_CorruptFile_ThrowsInputFileException(string damage)
    {
        using var folder = new TempFolder();
        var path = folder.File("bad.geonet");
        SmallNetwork().Save(path);
        var bytes = File.ReadAllBytes(path);
        switch (damage)
        {
            case "flip":
                bytes[bytes.Length / 2] ^= 0x5A;
                break;
            case "truncate":
                Array.Resize(ref bytes, bytes.Length - 100);
                break;
            case "magic":
                bytes[0] = (byte)'X';
                break;
            default:
                bytes = [];
                break;
        }
        File.WriteAllBytes(path, bytes);
        var ex = Assert.Throws<InputFileException>(() => StreetNetwork.Load(path));
        Assert.That(ex!.Message, Does.Contain("geo build-network"));
    }

    [Test]
    public void Load_OtherFormatVersion_ThrowsNamingVersionsAndRebuild()
    {
        using var folder = new TempFolder();
        var path = folder.File("old.geonet");
        SmallNetwork().Save(path);
        var bytes = File.ReadAllBytes(path);
        bytes[12] = 99; // int32 payload format version in the artefact header
        File.WriteAllBytes(path, bytes);
        var ex = Assert.Throws<InputFileException>(() => StreetNetwork.Load(path));
        Assert.That(ex!.Message, Does.Contain("version 1.99"));
        Assert.That(ex.Message, Does.Contain("geo build-network"));
    }
}

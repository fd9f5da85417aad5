using Geo.Routing.Contraction;
using Geo.Routing.Matrices;
using Geo.Core;
using Geo.Routing.Streets;
using Geo.Routing.Tests.Matrices;
using Geo.Routing.Tests.TestSupport;
using NUnit.Framework;

namespace Geo.Routing.Tests.Streets;

/// <summary>
/// Every byte of a small cache file flipped in turn: the damage is detected (the hierarchy is rebuilt with a warning, the
/// network load fails naming the rebuild command) or proven harmless by equal answers. Never a wrong answer, never a crash.
/// </summary>
[TestFixture]
public sealed class ArtefactBitFlipTests
{
    [Test]
    public void ContractionHierarchyCache_EveryByteFlipped_DetectedOrSameAnswers()
    {
        var graph = TestGraphs.Grid(6, 6, 3);
        using var folder = new TempFolder();
        var path = folder.File("grid.car.off_peak.ch");
        var reference = ContractionBuilder.Build(graph);
        reference.Save(path, "grid-key");
        var original = File.ReadAllBytes(path);
        var expected = Distances(reference, graph.VertexCount);
        int detected = 0, harmless = 0;
        for (var i = 0; i < original.Length; i++)
        {
            var damaged = (byte[])original.Clone();
            damaged[i] ^= 0xFF;
            File.WriteAllBytes(path, damaged);
            var warnings = new List<string>();
            // A fresh graph instance each time so the in-memory cache does not answer.
            var ch = ContractedGraphCache.GetOrBuild(TestGraphs.Grid(6, 6, 3), "grid-key", path, null, out var fromCache, warnings.Add);
            if (fromCache)
            {
                harmless++;
            }
            else
            {
                detected++;
                Assert.That(warnings, Has.Count.EqualTo(1).And.Some.Contains("rebuilding"), $"byte {i}: a refused cache is reported");
                Assert.That(File.ReadAllBytes(path), Is.EqualTo(original), $"byte {i}: the rebuilt cache replaces the damaged one");
            }
            Assert.That(Distances(ch, graph.VertexCount), Is.EqualTo(expected), $"byte {i} of {original.Length}");
        }
        Assert.That(detected, Is.EqualTo(original.Length), "with a SHA-256 over header and payload every flip is detected");
        Assert.That(harmless, Is.Zero);
    }

    [Test]
    public void StreetNetworkFile_EveryByteFlipped_RefusedNamingTheRebuild()
    {
        var network = TestStreets.FromAscii("""
            a - b - c
            |       |
            d - - - e
            """)
            .Way("abc", "highway=residential")
            .Way("ade", "highway=primary")
            .Way("ce", "highway=footway")
            .Build();
        using var folder = new TempFolder();
        var path = folder.File("small.geonet");
        network.Save(path);
        var original = File.ReadAllBytes(path);
        for (var i = 0; i < original.Length; i++)
        {
            var damaged = (byte[])original.Clone();
            damaged[i] ^= 0xFF;
            File.WriteAllBytes(path, damaged);
            var ex = Assert.Throws<InputFileException>(() => StreetNetwork.Load(path), $"byte {i} of {original.Length}");
            Assert.That(ex!.Message, Does.Contain("geo build-network"));
        }
        File.WriteAllBytes(path, original);
        Assert.That(StreetNetwork.Load(path).SourceHash, Is.EqualTo(network.SourceHash));
    }

    [Test]
    public void ArtefactFile_TruncatedOrExtended_Refused()
    {
        using var folder = new TempFolder();
        var path = folder.File("x.bin");
        var kind = new ArtefactKind("GEOTEST", 1, "test artefact");
        var input = ArtefactFile.HashOf("input");
        ArtefactFile.Write(path, kind, input, s => s.Write(new byte[1000]));
        var bytes = File.ReadAllBytes(path);
        using (var ok = ArtefactFile.OpenVerified(path, kind, input, out _))
        {
            Assert.That(ok.Length, Is.EqualTo(1000));
        }
        foreach (var length in new[] { 0, 10, ArtefactFile.HeaderBytes, bytes.Length - 1, bytes.Length + 1 })
        {
            var changed = new byte[length];
            Array.Copy(bytes, changed, Math.Min(length, bytes.Length));
            File.WriteAllBytes(path, changed);
            Assert.Throws<ArtefactException>(() => ArtefactFile.OpenVerified(path, kind, input, out _).Dispose(), $"length {length}");
        }
        File.WriteAllBytes(path, bytes);
        var stale = Assert.Throws<ArtefactException>(() => ArtefactFile.OpenVerified(path, kind, ArtefactFile.HashOf("other"), out _).Dispose());
        Assert.That(stale!.IsStale, Is.True);
        var foreign = Assert.Throws<ArtefactException>(() => ArtefactFile.OpenVerified(path, new ArtefactKind("GEOTEST", 2, "test artefact"), input, out _).Dispose());
        Assert.That(foreign!.Message, Does.Contain("version"));
    }

    /// <summary>All-pairs durations by the hierarchy (the answers a damaged cache could change).</summary>
    private static int[] Distances(ContractedGraph ch, int n)
    {
        var seeds = Enumerable.Range(0, n).Select(v => new[] { new SnapSeed(v, 0, 0) }).ToArray();
        var matrix = new ManyToManyCh(ch).Compute(new MatrixRequest { Sources = seeds, Targets = seeds });
        return [.. matrix.DurationMs, .. matrix.LengthMm];
    }
}

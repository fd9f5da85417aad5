using Geo.Core;
using Geo.Routing.Streets;
using Geo.Routing.Tests.TestSupport;
using NUnit.Framework;
using OsmSharp;
using OsmSharp.Tags;

namespace Geo.Routing.Tests.Osm;

[TestFixture]
public sealed class PbfNetworkReaderTests
{
    [Test]
    public void BuildFromPbf_NoRoutableWays_ThrowsComputationException()
    {
        using var folder = new TempFolder();
        var path = TestStreets.FromAscii("a - b - c")
            .Way("ab", "building=yes")
            .Way("bc", "highway=proposed")
            .WritePbf(folder.File("empty.osm.pbf"));
        var ex = Assert.Throws<ComputationException>(() => StreetNetwork.BuildFromPbf(path));
        Assert.That(ex!.Message, Does.Contain("no ways"));
    }

    [Test]
    public void BuildFromPbf_OnlyPrivateRoads_ThrowsComputationException()
    {
        using var folder = new TempFolder();
        var path = TestStreets.FromAscii("a - b").Way("ab", "highway=residential", "access=private").WritePbf(folder.File("private.osm.pbf"));
        Assert.Throws<ComputationException>(() => StreetNetwork.BuildFromPbf(path));
    }

    [Test]
    public void BuildFromPbf_MissingFile_ThrowsInputFileException()
    {
        var ex = Assert.Throws<InputFileException>(() => StreetNetwork.BuildFromPbf("/no/such/region.osm.pbf"));
        Assert.That(ex!.File, Is.EqualTo("/no/such/region.osm.pbf"));
    }

    [TestCase(0)]
    [TestCase(1000)]
    public void BuildFromPbf_CorruptFile_ThrowsInputFileException(int length)
    {
        using var folder = new TempFolder();
        var path = folder.File("corrupt.osm.pbf");
        var bytes = new byte[length];
        new Random(7).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        var ex = Assert.Throws<InputFileException>(() => StreetNetwork.BuildFromPbf(path));
        Assert.That(ex!.File, Is.EqualTo(path));
    }

    [Test]
    public void BuildFromPbf_TruncatedRealisticFile_ThrowsInputFileException()
    {
        using var folder = new TempFolder();
        var good = TestStreets.FromAscii("a - b - c").Way("abc", "highway=residential").WritePbf(folder.File("good.osm.pbf"));
        var bytes = File.ReadAllBytes(good);
        var path = folder.File("truncated.osm.pbf");
        File.WriteAllBytes(path, bytes[..(bytes.Length * 2 / 3)]);
        Assert.Throws<InputFileException>(() => StreetNetwork.BuildFromPbf(path));
    }

    [Test]
    public void BuildFromPbf_WayWithMissingNode_SkipsOnlyThatSegment()
    {
        using var folder = new TempFolder();
        var stamp = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Node N(long id, double lon) => new() { Id = id, Latitude = 51.5, Longitude = lon, Version = 1, ChangeSetId = 1, TimeStamp = stamp, UserId = 1, UserName = "geo", Visible = true, Tags = new TagsCollection() };
        var path = folder.File("gap.osm.pbf");
        TestStreets.WriteObjects(path,
        [
            N(1, -1.300), N(2, -1.299), N(3, -1.298), N(5, -1.296),
            new Way { Id = 10, Nodes = [1, 2, 3, 4, 5], Version = 1, ChangeSetId = 1, TimeStamp = stamp, UserId = 1, UserName = "geo", Visible = true, Tags = new TagsCollection(new Tag("highway", "residential")) },
        ]);
        var network = StreetNetwork.BuildFromPbf(path);
        Assert.That(network.BuildReport.MissingNodes, Is.EqualTo(1));
        Assert.That(network.GetModeGraph(TravelMode.Car).VertexCount, Is.EqualTo(3));
        Assert.That(network.RoadLines().Single().Line, Has.Length.EqualTo(3));
    }
}

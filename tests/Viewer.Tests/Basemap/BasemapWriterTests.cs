using Geo.Routing.Geometry;
using Geo.Viewer.Basemap;
using Geo.Viewer.Results;

namespace Geo.Viewer.Tests.Basemap;

[TestFixture]
public sealed class BasemapWriterTests
{
    [Test]
    public void Write_DefaultClasses_KeepsRoadsDropsPathsAndRoundTrips()
    {
        string path = Path.Combine(Path.GetTempPath(), "geo-viewer-tests", Guid.NewGuid().ToString("N"), "basemap.geojson");
        try
        {
            var roads = new List<(GeoPoint[] Line, string Highway)>
            {
                ([new GeoPoint(-1.123456789, 50.7), new GeoPoint(-1.12, 50.71)], "primary"),
                ([new GeoPoint(-1.2, 50.7), new GeoPoint(-1.21, 50.71), new GeoPoint(-1.22, 50.72)], "residential"),
                ([new GeoPoint(-1.3, 50.7), new GeoPoint(-1.31, 50.71)], "footway"),
                ([new GeoPoint(-1.3, 50.7)], "primary"),
            };
            int written = BasemapWriter.Write(roads, path, BasemapWriter.DefaultHighways);
            Assert.That(written, Is.EqualTo(2));
            var features = GeoJsonReader.ReadFeatureCollection(File.ReadAllBytes(path));
            Assert.That(features, Has.Count.EqualTo(2));
            Assert.That(features.Select(f => f.GetString("highway")), Is.EqualTo(new[] { "primary", "residential" }));
            Assert.That(features[0].Kind, Is.EqualTo(GeoGeometryKind.Line));
            Assert.That(features[0].Parts[0][0], Is.EqualTo(-1.12346).Within(1e-9));
            Assert.That(features[1].Parts[0], Has.Length.EqualTo(6));

            Assert.That(BasemapWriter.Write(roads, path, null), Is.EqualTo(3), "null keeps every class");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}

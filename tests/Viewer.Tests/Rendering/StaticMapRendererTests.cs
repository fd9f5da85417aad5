using Geo.Core;
using Geo.Viewer.Rendering;
using Geo.Viewer.Results;
using Geo.Viewer.Tests.TestSupport;
using SkiaSharp;

namespace Geo.Viewer.Tests.Rendering;

[TestFixture]
public sealed class StaticMapRendererTests
{
    private static string OutputPath(string name)
    {
        string dir = Path.Combine(TestContext.CurrentContext.WorkDirectory, "viewer-test-output");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }

    private static HashSet<uint> DistinctColours(SKBitmap bmp)
    {
        var set = new HashSet<uint>();
        for (int y = 0; y < bmp.Height; y += 2)
        {
            for (int x = 0; x < bmp.Width; x += 2)
            {
                set.Add((uint)bmp.GetPixel(x, y));
            }
        }

        return set;
    }

    [TestCase(MapLayer.Time, "B", "car")]
    [TestCase(MapLayer.Change, "B", "car")]
    [TestCase(MapLayer.Change, "A", "walk")]
    [TestCase(MapLayer.Imd, null, null)]
    public void Render_SyntheticGrid_WritesPngOfRequestedSizeWithVariedColours(MapLayer layer, string? option, string? mode)
    {
        using var results = SyntheticResults.Grid();
        var folder = ResultsFolder.Load(results.Folder);
        string path = OutputPath("grid-" + layer + "-" + option + "-" + mode + ".png");
        StaticMapRenderer.Render(folder, new StaticMapRequest { Option = option, Mode = mode, Service = "outpatients", Layer = layer, WidthPx = 800, HeightPx = 600 }, path);
        TestContext.AddTestAttachment(path);
        using var bmp = SKBitmap.Decode(path);
        Assert.That(bmp, Is.Not.Null);
        Assert.That((bmp.Width, bmp.Height), Is.EqualTo((800, 600)));
        var colours = DistinctColours(bmp);
        Assert.That(colours, Has.Count.GreaterThan(50), "antialiased polygons, legend and text give many colours");

        // Every class colour used by some zone appears in the image (the fill is drawn at alpha 225 over the background,
        // so look in the legend swatches, which are opaque).
        var cls = MapClassification.For(layer, null, []);
        double[] values = StaticMapRenderer.ZoneValues(folder, new StaticMapRequest { Option = option, Mode = mode, Service = "outpatients", Layer = layer }, out _);
        var used = values.Select(cls.ClassOf).Where(c => c >= 0).Distinct().ToArray();
        Assert.That(used, Has.Length.GreaterThan(1), "synthetic data should span several classes");
        foreach (int c in used)
        {
            var want = SKColor.Parse(cls.Colours[c]);
            Assert.That(colours.Contains((uint)want), Is.True, "legend swatch colour " + cls.Colours[c] + " missing");
        }
    }

    [Test]
    public void Render_PointZones_Draws()
    {
        using var results = SyntheticResults.Grid(points: true);
        byte[] png = StaticMapRenderer.RenderPng(ResultsFolder.Load(results.Folder), new StaticMapRequest { Option = "A", Mode = "car", WidthPx = 640, HeightPx = 480 });
        using var bmp = SKBitmap.Decode(png);
        Assert.That(DistinctColours(bmp), Has.Count.GreaterThan(50));
    }

    [Test]
    public void Render_Attribute_UsesQuintiles()
    {
        using var results = SyntheticResults.Grid();
        byte[] png = StaticMapRenderer.RenderPng(ResultsFolder.Load(results.Folder), new StaticMapRequest { Layer = MapLayer.Attribute, Attribute = "area_km2", WidthPx = 640, HeightPx = 480 });
        Assert.That(png.Length, Is.GreaterThan(5000));
        Assert.Throws<ArgumentException>(() => StaticMapRenderer.RenderPng(ResultsFolder.Load(results.Folder), new StaticMapRequest { Layer = MapLayer.Attribute, Attribute = "zone_name" }));
    }

    [Test]
    public void Render_UnknownOption_ThrowsNamingValidOptions()
    {
        using var results = SyntheticResults.Grid();
        var ex = Assert.Throws<ArgumentException>(() => StaticMapRenderer.RenderPng(ResultsFolder.Load(results.Folder), new StaticMapRequest { Option = "Q", Mode = "car" }));
        Assert.That(ex!.Message, Is.EqualTo("unknown option 'Q'; valid options: baseline, A, B"));
        Assert.Throws<ArgumentException>(() => StaticMapRenderer.RenderPng(ResultsFolder.Load(results.Folder), new StaticMapRequest { Option = "A", Mode = "car", WidthPx = 10 }));
    }

    [Test]
    public void Render_CorruptZones_ThrowsInputFileExceptionAndWritesNothing()
    {
        using var results = SyntheticResults.Grid();
        File.WriteAllText(results.Path("zones.geojson"), "{\"type\": \"FeatureCollection\", \"features\": [ {\"type\":\"Feature\", \"geometry\": {\"type\":\"Polygon\",\"coordinates\":[[[0,\"x\"]]]}} ]}");
        string path = OutputPath("corrupt.png");
        File.Delete(path);
        var ex = Assert.Throws<InputFileException>(() => StaticMapRenderer.Render(ResultsFolder.Load(results.Folder), new StaticMapRequest { Option = "A", Mode = "car" }, path));
        Assert.That(ex!.Message, Does.Contain("zones.geojson"));
        Assert.That(File.Exists(path), Is.False);
    }

    [Test]
    [Category("Slow")]
    public void Render_IsleOfWightBoundaries_DrawsAll89Polygons()
    {
        string boundaries = RepoPaths.SharedData("isle-of-wight/lsoa/lsoa21_boundaries_iow.geojson");
        if (!File.Exists(boundaries))
        {
            Assert.Ignore("Isle of Wight boundaries not found: " + boundaries);
        }

        using var results = SyntheticResults.FromBoundaries(boundaries);
        var folder = ResultsFolder.Load(results.Folder);
        Assert.That(folder.Zones, Has.Count.EqualTo(89));
        Assert.That(folder.Zones.All(z => z.Kind == GeoGeometryKind.Polygon), Is.True);
        string path = OutputPath("iow-change-B-car.png");
        StaticMapRenderer.Render(folder, new StaticMapRequest { Option = "B", Mode = "car", Layer = MapLayer.Change }, path);
        TestContext.AddTestAttachment(path);
        using var bmp = SKBitmap.Decode(path);
        Assert.That((bmp.Width, bmp.Height), Is.EqualTo((1600, 1200)));
        Assert.That(DistinctColours(bmp), Has.Count.GreaterThan(100));
    }
}

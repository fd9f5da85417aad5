using Geo.Viewer.Rendering;
using Geo.Viewer.Results;
using Geo.Viewer.Tests.TestSupport;

namespace Geo.Viewer.Tests.Rendering;

/// <summary>Local authority boundaries dissolved from zone polygons, and place names, on static maps.</summary>
[TestFixture]
public sealed class StaticMapPlacesTests
{
    private static GeoFeature Square(double lon, double lat, double d, string? authority, string? wardCode = null, string? ward = null)
    {
        var properties = new Dictionary<string, object?> { ["local_authority"] = authority, ["ward_code"] = wardCode, ["ward"] = ward };
        return new GeoFeature(GeoGeometryKind.Polygon, [[lon, lat, lon + d, lat, lon + d, lat + d, lon, lat + d, lon, lat]], properties);
    }

    /// <summary>
    /// The synthetic grid: 6 x 4 squares, the west 3 columns "West Borough", the east 3 "East Borough". Each borough is a 3 x 4
    /// block with 2 x (3 + 4) = 14 unit edges on its outline; the 4 edges between them are shared: 14 + 14 - 4 = 24 distinct.
    /// </summary>
    [Test]
    public void LocalAuthorityEdges_Grid_OutlinesOfTheTwoBlocks()
    {
        using var results = SyntheticResults.Grid();
        var edges = AreaOutlines.LocalAuthorityEdges(ResultsFolder.Load(results.Folder).Zones);
        Assert.Multiple(() =>
        {
            Assert.That(edges, Has.Count.EqualTo(24));
            // The dividing line at lon -1.40 + 3 x 0.02 = -1.34 is 4 vertical edges.
            Assert.That(edges.Count(e => Math.Abs(e.Lon1 + 1.34) < 1e-9 && Math.Abs(e.Lon2 + 1.34) < 1e-9), Is.EqualTo(4));
            // No edge inside a borough, e.g. the column line at lon -1.38.
            Assert.That(edges.Any(e => Math.Abs(e.Lon1 + 1.38) < 1e-9 && Math.Abs(e.Lon2 + 1.38) < 1e-9), Is.False);
        });
    }

    [Test]
    public void LocalAuthorityEdges_ZonesWithoutAuthority_None()
    {
        Assert.That(AreaOutlines.LocalAuthorityEdges([Square(0, 0, 1, null), Square(1, 0, 1, null)]), Is.Empty);
    }

    /// <summary>Two wards named "Brooklands" in two authorities are two labels; a ward of two squares is labelled at their mean centre.</summary>
    [Test]
    public void Areas_WardsByCode_LabelledAtMeanCentre()
    {
        var labels = PlaceLabels.Areas([
            Square(0, 0, 1, "Manchester", "E05000001", "Brooklands"), Square(1, 0, 1, "Manchester", "E05000001", "Brooklands"),
            Square(5, 0, 1, "Trafford", "E05000002", "Brooklands"),
        ]);
        Assert.Multiple(() =>
        {
            Assert.That(labels.Select(l => l.Name), Is.EqualTo(new[] { "Brooklands", "Brooklands" }));
            Assert.That(labels[0].Lon, Is.EqualTo(1.0).Within(1e-12));
            Assert.That(labels[0].Lat, Is.EqualTo(0.5).Within(1e-12));
            Assert.That(labels[1].Lon, Is.EqualTo(5.5).Within(1e-12));
        });
    }

    [Test]
    public void Areas_TooManyWards_AuthorityNamesInstead()
    {
        var zones = Enumerable.Range(0, PlaceLabels.MaxLabels + 1)
            .Select(i => Square(i, 0, 1, i < 20 ? "West" : "East", "W" + i, "Ward " + i)).ToList();
        Assert.That(PlaceLabels.Areas(zones).Select(l => l.Name), Is.EqualTo(new[] { "West", "East" }));
    }

    [Test]
    public void Render_Grid_DrawsBoundaryLegendAuthorityAndSiteNames()
    {
        using var results = SyntheticResults.Grid();
        StaticMapRenderer.RenderPng(ResultsFolder.Load(results.Folder),
            new StaticMapRequest { Option = "A", Mode = "car", Service = "outpatients", WidthPx = 800, HeightPx = 600 }, out var drawn);
        Assert.Multiple(() =>
        {
            Assert.That(drawn, Does.Contain("local authority boundary"));
            // Every zone is in a ward named "Ward" with no code: one ward per borough, so two labels.
            Assert.That(drawn.Count(t => t == "Ward"), Is.EqualTo(2), string.Join(" | ", drawn));
            Assert.That(drawn, Does.Contain("General Hospital"), "open site H1 is named");
            Assert.That(drawn, Does.Contain(Geo.Core.Attribution.MapLine));
        });
    }
}

using Geo.Core;
using Geo.Viewer.Rendering;

namespace Geo.Viewer.Tests.Rendering;

[TestFixture]
public sealed class MapClassificationTests
{
    [TestCase(0, 0)]
    [TestCase(9.99, 0)]
    [TestCase(10, 1)]
    [TestCase(44.9, 3)]
    [TestCase(90, 6)]
    [TestCase(500, 6)]
    [TestCase(double.NaN, -1)]
    public void TravelTime_ClassOf_FirstBreakAbove(double minutes, int expected) =>
        Assert.That(MapClassification.TravelTime().ClassOf(minutes), Is.EqualTo(expected));

    [Test]
    public void AllLayers_ColoursMatchClassesAndLabels()
    {
        foreach (var c in new[] { MapClassification.TravelTime(), MapClassification.Change(), MapClassification.ImdDecile(), MapClassification.Quantiles("x", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) })
        {
            Assert.That(c.Colours, Has.Count.EqualTo(c.Breaks.Count + 1), c.Title);
            Assert.That(c.Labels, Has.Count.EqualTo(c.Breaks.Count + 1), c.Title);
            Assert.That(c.Breaks, Is.Ordered.Ascending, c.Title);
        }
    }

    [Test]
    public void Change_ZeroIsNeutralAndSignsDiverge()
    {
        var c = MapClassification.Change();
        Assert.That(c.ColourOf(0), Is.EqualTo("#f7f7f7"));
        Assert.That(c.Labels[4], Is.EqualTo("no change (-1 to 1)"));
        Assert.That(c.ColourOf(-40), Is.EqualTo(Palettes.Change[0]));
        Assert.That(c.ColourOf(40), Is.EqualTo(Palettes.Change[^1]));
    }

    [Test]
    public void ImdDecile_EachDecileOwnClass()
    {
        var c = MapClassification.ImdDecile();
        for (int d = 1; d <= 10; d++)
        {
            Assert.That(c.ClassOf(d), Is.EqualTo(d - 1));
        }
    }

    [Test]
    public void Quantiles_BruteForceAgreesOnClassSizes()
    {
        var rng = new Random(7);
        double[] values = Enumerable.Range(0, 500).Select(_ => Math.Round(rng.NextDouble() * 100, 1)).ToArray();
        var c = MapClassification.Quantiles("v", values);
        Assert.That(c.Breaks, Has.Count.EqualTo(4));
        var counts = new int[5];
        foreach (double v in values)
        {
            counts[c.ClassOf(v)]++;
        }

        // Each quintile class holds about a fifth of the values (ties at breaks shift a few).
        foreach (int n in counts)
        {
            Assert.That(n, Is.InRange(80, 120));
        }
    }

    [Test]
    public void Quantiles_ConstantValues_SingleClass()
    {
        var c = MapClassification.Quantiles("v", [5, 5, 5, double.NaN]);
        Assert.That(c.Breaks, Is.Empty);
        Assert.That(c.ClassOf(5), Is.Zero);
        Assert.That(c.Colours, Has.Count.EqualTo(1));
    }
}

using Geo.Catchment.Equality;
using Geo.Catchment.Scenarios;
using NUnit.Framework;

namespace Geo.Catchment.Tests.Equality;

[TestFixture]
public sealed class WeightedStatsTests
{
    [Test]
    public void Quantile_SmallCase_SmallestValueReachingShare()
    {
        double[] values = [30, 10, 20];
        double[] weights = [2, 1, 1];
        Assert.Multiple(() =>
        {
            // sorted 10(1) 20(1) 30(2), cumulative 1 2 4 of 4
            Assert.That(WeightedStats.Quantile(values, weights, 0.5), Is.EqualTo(20));
            Assert.That(WeightedStats.Quantile(values, weights, 0.25), Is.EqualTo(10));
            Assert.That(WeightedStats.Quantile(values, weights, 0.51), Is.EqualTo(30));
            Assert.That(WeightedStats.Quantile(values, weights, 0.9), Is.EqualTo(30));
            Assert.That(WeightedStats.Mean(values, weights), Is.EqualTo(22.5));
        });
    }

    [Test]
    public void Quantile_UnitWeights_MatchesSortedEnumeration([Values(1, 2, 3)] int seed)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, 101).Select(_ => random.NextDouble() * 100).ToArray();
        var weights = Enumerable.Repeat(1.0, values.Length).ToArray();
        var sorted = values.OrderBy(v => v).ToArray();
        // With unit weights the q-quantile is the ceil(q n)-th smallest value.
        Assert.That(WeightedStats.Quantile(values, weights, 0.5), Is.EqualTo(sorted[50]));
        Assert.That(WeightedStats.Quantile(values, weights, 0.9), Is.EqualTo(sorted[(int)Math.Ceiling(0.9 * 101) - 1]));
    }

    [Test]
    public void Mean_SkipsNaNAndZeroWeights()
    {
        Assert.That(WeightedStats.Mean([1, double.NaN, 5, 100], [1, 5, 1, 0]), Is.EqualTo(3));
        Assert.That(WeightedStats.Mean([double.NaN], [1]), Is.NaN);
    }

    [TestCase(15.0, 12.5, true)]    // excess 2.5 > 2 and > 1.25
    [TestCase(14.0, 12.5, false)]   // excess 1.5 < 2 minutes
    [TestCase(25.0, 22.0, true)]    // excess 3 > 2 and > 2.2
    [TestCase(100.0, 97.5, false)]  // excess 2.5 > 2 but < 9.75 (10%)
    [TestCase(3.0, 1.0, false)]     // excess exactly 2: not more than 2
    [TestCase(3.5, 1.0, true)]
    [TestCase(1.0, -2.0, true)]     // a group that gets 1 min worse while the population improves 2 min
    [TestCase(0.0, 0.0, false)]
    [TestCase(0.0, -5.0, false)]    // no change while the population improves 5 min: not worse off, not flagged
    [TestCase(-1.0, -5.0, false)]   // gains 1 min while the population gains 5: less benefit, but not worse off
    public void IsFlagged_DefaultMargins(double group, double overall, bool expected) =>
        Assert.That(EqualityImpact.IsFlagged(group, overall, new EqualitySpec()), Is.EqualTo(expected));
}

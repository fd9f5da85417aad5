using Geo.Core;
using Geo.Routing.Multimodal;
using NUnit.Framework;

namespace Geo.Routing.Tests.Multimodal;

[TestFixture]
public sealed class PercentileReducerTests
{
    [TestCase(120, 7200)]
    [TestCase(60, 600)]
    [TestCase(240, 86_400)]
    [TestCase(7, 30)]
    [TestCase(1, 100)]
    public void At_RandomBoundedSamples_EqualsNearestRankOfArraySort(int samples, int maxTripSeconds)
    {
        var reducer = new PercentileReducer(samples, maxTripSeconds);
        var rng = new Random(samples + maxTripSeconds);
        for (var q = 0; q < 500; q++)
        {
            // clustered values (as along a window), ties, the limit itself, Unreached, and a few above the limit
            var centre = rng.Next(maxTripSeconds + 1);
            var values = new int[samples];
            for (var i = 0; i < samples; i++)
            {
                var pick = rng.Next(10);
                values[i] = pick switch
                {
                    0 => TravelTime.Unreached,
                    1 => maxTripSeconds,
                    2 => maxTripSeconds + 1 + rng.Next(1000),
                    3 => 0,
                    _ => Math.Clamp(centre + rng.Next(-300, 300), 0, maxTripSeconds),
                };
            }
            reducer.Partition(values);
            var expected = values.ToArray();
            Array.Sort(expected);
            // in a scrambled order, repeats included, as a matrix asks for its percentiles and then the median
            foreach (var p in new[] { 50, 5, 95, 100, 1, 25, 50, 75, 99, 12 })
            {
                Assert.That(reducer.At(p), Is.EqualTo(expected[PercentileReducer.Rank(p, samples)]), $"case {q}, percentile {p}");
            }
        }
    }
}

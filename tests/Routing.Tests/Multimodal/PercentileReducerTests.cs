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
    public void Sort_RandomBoundedSamples_EqualsArraySort(int samples, int maxTripSeconds)
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
            reducer.Sort(values);
            var expected = values.ToArray();
            Array.Sort(expected);
            Assert.That(reducer.Sorted.ToArray(), Is.EqualTo(expected), $"case {q}");
            Assert.That(reducer.At(50), Is.EqualTo(expected[PercentileReducer.Rank(50, samples)]));
        }
    }
}

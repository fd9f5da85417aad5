using Geo.Core;
using Geo.Routing.Search;
using NUnit.Framework;

namespace Geo.Routing.Tests.Search;

[TestFixture]
public sealed class ImprovingEdgesTests
{
    [Test]
    public void Find_RandomListsAndLabels_ListsExactlyTheImprovingEdgesInOrder()
    {
        var rng = new Random(11);
        var labels = new int[500];
        var found = new int[100];
        var improving = 0;
        for (var trial = 0; trial < 2_000; trial++)
        {
            for (var i = 0; i < labels.Length; i++)
            {
                // some unreached, the rest near the candidates (equal ones too: only a strictly lower one improves)
                labels[i] = rng.Next(8) == 0 ? TravelTime.Unreached : 1_000 + rng.Next(200);
            }
            var n = rng.Next(found.Length + 1);
            var targets = new int[n];
            var durations = new int[n];
            for (var i = 0; i < n; i++)
            {
                targets[i] = rng.Next(labels.Length);
                durations[i] = rng.Next(120);
            }
            var t = 950 + rng.Next(100);
            var expected = Enumerable.Range(0, n).Where(i => t + durations[i] < labels[targets[i]]).ToArray();

            var count = ImprovingEdges.Find(targets, durations, t, labels, found);

            Assert.That(found[..count], Is.EqualTo(expected), $"trial {trial}");
            improving += count;
        }
        Assert.That(improving, Is.GreaterThan(1_000), "the trials include improving edges");
    }

    [Test]
    public void Find_NoEdges_FindsNone()
    {
        Assert.That(ImprovingEdges.Find([], [], 0, [5], []), Is.Zero);
    }
}

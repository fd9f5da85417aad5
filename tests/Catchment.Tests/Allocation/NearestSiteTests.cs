using Geo.Catchment.Allocation;
using Geo.Catchment.Inputs;
using NUnit.Framework;

namespace Geo.Catchment.Tests.Allocation;

[TestFixture]
public sealed class NearestSiteTests
{
    // Origins P1..P3 by sites S1..S3 (minutes); P3 has no route anywhere.
    private static readonly TravelMatrix Matrix = new("car", ["P1", "P2", "P3"], ["S1", "S2", "S3"],
        [10, 5, 7, 3, double.NaN, 3, double.NaN, double.NaN, double.NaN]);

    [Test]
    public void Find_SmallMatrix_NearestAndSecondWithTiesToLowerIndex()
    {
        var result = NearestSite.Find(Matrix);
        Assert.Multiple(() =>
        {
            Assert.That(result[0], Is.EqualTo(new NearestSiteResult(0, 1, 5, 2, 7)));
            Assert.That(result[1], Is.EqualTo(new NearestSiteResult(1, 0, 3, 2, 3)));
            Assert.That(result[2].Site, Is.EqualTo(-1));
            Assert.That(result[2].Minutes, Is.NaN);
        });
    }

    [Test]
    public void Find_WithSiteMask_IgnoresMaskedSites()
    {
        var result = NearestSite.Find(Matrix, [true, false, true]);
        Assert.That(result[0], Is.EqualTo(new NearestSiteResult(0, 2, 7, 0, 10)));
    }

    [Test]
    public void Compare_Visits_ActualNearestSavingByZoneAndOverall()
    {
        // P1 attends S1 (10 min) x 4 and S2 (5, nearest) x 1; P2 attends S3 (3, tied nearest) x 5; P3 attends S1 (no route) x 2.
        var visits = new List<Visit> { new(0, 0, 4), new(0, 1, 1), new(1, 2, 5), new(2, 0, 2) };
        var result = ObservedVsNearest.Compare(Matrix, visits);
        Assert.Multiple(() =>
        {
            Assert.That(result.Visits[0].SavingMinutes, Is.EqualTo(5));
            Assert.That(result.Visits[1].SavingMinutes, Is.EqualTo(0));
            Assert.That(result.Visits[2].SavingMinutes, Is.EqualTo(0));
            Assert.That(result.Visits[3].SavingMinutes, Is.NaN);
            var p1 = result.ByZone[0];
            Assert.That(p1.Visits, Is.EqualTo(5));
            Assert.That(p1.MeanActualMinutes, Is.EqualTo((4 * 10 + 5) / 5.0).Within(1e-12));
            Assert.That(p1.MeanNearestMinutes, Is.EqualTo(5).Within(1e-12));
            Assert.That(p1.TotalSavingMinutes, Is.EqualTo(20).Within(1e-12));
            Assert.That(p1.ShareAtNearest, Is.EqualTo(0.2).Within(1e-12));
            var all = result.Overall;
            Assert.That(all.Visits, Is.EqualTo(12));
            Assert.That(all.VisitsWithoutRoute, Is.EqualTo(2));
            Assert.That(all.MeanActualMinutes, Is.EqualTo((40 + 5 + 15) / 10.0).Within(1e-12));
            Assert.That(all.MeanSavingMinutes, Is.EqualTo(2).Within(1e-12));
            Assert.That(all.ShareAtNearest, Is.EqualTo(0.6).Within(1e-12));
        });
    }
}

using Geo.Catchment.Inputs;
using Geo.Catchment.Need;
using Geo.Routing.Geometry;
using NUnit.Framework;

namespace Geo.Catchment.Tests.Need;

[TestFixture]
public sealed class ZoneNeedColumnsTests
{
    private static ZoneTable Zones() => new(
        ["Z1", "Z2", "Z3"], ["One", "Two", "Three"],
        [new GeoPoint(-1, 50), new GeoPoint(-1.1, 50), new GeoPoint(-1.2, 50)],
        population: [100, 200, 300], age65Plus: [10, 20, 30], imdDecile: [1, 5, 10]);

    [Test]
    public void For_PopulationAgeAndDerivedImd_FeedTheNeedExpression()
    {
        var need = NeedExpression.Parse("population + age65plus*2 + imd_core20*1000").Evaluate(ZoneNeedColumns.For(Zones()), 3);
        Assert.That(need, Is.EqualTo(new[] { 1120.0, 240, 360 }));
    }

    [Test]
    public void For_UnknownColumn_ErrorListsTheOffer()
    {
        var error = Assert.Throws<NeedExpressionException>(() => NeedExpression.Parse("over65").Evaluate(ZoneNeedColumns.For(Zones()), 3));
        Assert.That(error!.Message, Does.Contain("age65plus").And.Contain("population").And.Contain("imd_core20"));
    }
}

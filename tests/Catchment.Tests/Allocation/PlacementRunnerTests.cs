using Geo.Catchment.Allocation;
using Geo.Catchment.Inputs;
using Geo.Catchment.Need;
using Geo.Catchment.Scenarios;
using Geo.Routing.Geometry;
using NUnit.Framework;

namespace Geo.Catchment.Tests.Allocation;

[TestFixture]
public sealed class PlacementRunnerTests
{
    private static ZoneTable Zones() => new(
        ["Z1", "Z2", "Z3"], ["One", "Two", "Three"],
        [new GeoPoint(-1, 50), new GeoPoint(-1.1, 50), new GeoPoint(-1.2, 50)],
        population: [100, 200, 300], age65Plus: [10, 20, 30], imdDecile: [1, 5, 10]);

    // Matrix with origins in a different order than the zone table: the runner must re-order them.
    private static TravelMatrix Matrix() => new("car", ["Z3", "Z1", "Z2"], ["H1", "C1", "C2"],
        [40, 35, 6, 5, 20, 30, 25, 4, 30]);

    [Test]
    public void BuildProblem_ScenarioBlock_NeedFromExpressionAndExistingFixed()
    {
        var spec = new PlacementSpec { Problem = "pmedian", P = 1, Threshold = 15, Need = "population + age65plus*2 + imd_core20*1000", Existing = ["H1"] };
        var problem = PlacementRunner.BuildProblem(spec, Zones(), Matrix());
        Assert.Multiple(() =>
        {
            Assert.That(problem.Matrix.OriginIds, Is.EqualTo(new[] { "Z1", "Z2", "Z3" }));
            Assert.That(problem.Matrix.MinutesAt(2, 2), Is.EqualTo(6));
            Assert.That(problem.Need, Is.EqualTo(new[] { 1120.0, 240, 360 }));
            Assert.That(problem.IsExisting, Is.EqualTo(new[] { true, false, false }));
        });
        var result = LocationAllocation.Solve(problem);
        // C1 saves 240*(25-4) = 5040, C2 saves 360*(40-6) = 12240.
        Assert.That(result.NewSites, Is.EqualTo(new[] { 2 }));
    }

    [Test]
    public void BuildProblem_UnknownNeedColumn_ErrorListsColumns()
    {
        var spec = new PlacementSpec { Problem = "pmedian", P = 1, Need = "over65", Existing = ["H1"] };
        var error = Assert.Throws<NeedExpressionException>(() => PlacementRunner.BuildProblem(spec, Zones(), Matrix()));
        Assert.That(error!.Message, Does.Contain("age65plus").And.Contain("population").And.Contain("imd_core20"));
    }
}

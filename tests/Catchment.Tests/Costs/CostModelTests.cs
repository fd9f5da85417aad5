using Geo.Catchment.Costs;
using Geo.Core;
using NUnit.Framework;

namespace Geo.Catchment.Tests.Costs;

[TestFixture]
public sealed class CostModelTests
{
    [Test]
    public void Default_EmbeddedJson_Parses()
    {
        var d = CostSettings.Default;
        Assert.Multiple(() =>
        {
            Assert.That(d.CarGbpPerMile, Is.EqualTo(0.45));
            Assert.That(d.JourneysPerVisit, Is.EqualTo(2));
            Assert.That(d.TransitFlatFareGbp, Is.EqualTo(3.0));
            Assert.That(d.KgCo2ePerKm["walk"], Is.EqualTo(0));
            Assert.That(CostSettings.DefaultJson, Does.Contain("HMRC"));
        });
    }

    [Test]
    public void CostGbp_Car_MileageTimesJourneysPlusParking()
    {
        var settings = CostSettings.Default with { CarGbpPerMile = 0.28, CarParkingGbpPerVisit = 4 };
        var car = new CostModel(settings, "car");
        // 16.09344 km = 10 miles; 10 * 0.28 * 2 journeys + 4 parking = 9.60
        Assert.That(car.CostGbp(16.09344, double.NaN), Is.EqualTo(9.6).Within(1e-9));
        Assert.That(car.CostGbp(double.NaN, double.NaN), Is.NaN);
        Assert.That(car.CarbonKg(10), Is.EqualTo(10 * 0.166 * 2).Within(1e-12));
    }

    [Test]
    public void CostGbp_Transit_FareFromMatrixElseFlat()
    {
        var transit = new CostModel(CostSettings.Default, "transit");
        Assert.That(transit.CostGbp(5, 2.5), Is.EqualTo(5.0));
        Assert.That(transit.CostGbp(5, double.NaN), Is.EqualTo(6.0));
    }

    [Test]
    public void CarbonKg_Transit_BlendsBusAndRail()
    {
        // 10 km, 2 journeys: all bus 10 * 0.103 * 2 = 2.06; half rail (0.103 + 0.035) / 2 * 20 = 1.38
        Assert.That(new CostModel(CostSettings.Default, "transit").CarbonKg(10), Is.EqualTo(2.06).Within(1e-12));
        Assert.That(new CostModel(CostSettings.Default with { TransitRailShare = 0.5 }, "transit").CarbonKg(10), Is.EqualTo(1.38).Within(1e-12));
    }

    [Test]
    public void GeneralisedCost_ValueOfTime()
    {
        var model = new CostModel(CostSettings.Default with { ValueOfTimeGbpPerHour = 12 }, "walk");
        // 30 min each way, 2 journeys = 1 hour at 12/h, walking costs nothing
        Assert.That(model.GeneralisedCostGbp(30, 0), Is.EqualTo(12).Within(1e-12));
    }

    [Test]
    public void Parse_NegativeRate_Error()
    {
        var error = Assert.Throws<Geo.Core.InputFileException>(() => CostSettings.Parse("{ \"carGbpPerMile\": -1 }", "costs.json"));
        Assert.That(error!.File, Is.EqualTo("costs.json"));
    }
}

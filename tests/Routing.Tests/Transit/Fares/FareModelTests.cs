using Geo.Core;
using Geo.Routing.Transit.Fares;
using NUnit.Framework;

namespace Geo.Routing.Tests.Transit.Fares;

[TestFixture]
public sealed class FareModelTests
{
    [Test]
    public void Default_BusRides_ThreePoundsEachNoFreeTransfer()
    {
        var fare = FareModel.Default.JourneyFare([new FareRide("SV", 3, 8 * 3600, 5), new FareRide("SV", 3, (8 * 3600) + 600, 12)]);
        Assert.That(fare, Is.EqualTo(6.00m));
        Assert.That(FareModel.Default.Currency, Is.EqualTo("GBP"));
    }

    [Test]
    public void Default_Rail_PerKmPlaceholderWithMinimum()
    {
        Assert.That(FareModel.Default.JourneyFare([new FareRide("IL", 2, 0, 20)]), Is.EqualTo(6.00m));
        Assert.That(FareModel.Default.JourneyFare([new FareRide("IL", 2, 0, 1)]), Is.EqualTo(2.50m));
    }

    [Test]
    public void JourneyFare_FreeTransferWithinWindowAndDailyCap_Applied()
    {
        var model = FareModel.Parse("""
            { "currency": "BRL", "rules": [ { "name": "bus", "routeTypes": [3], "flatFare": 4.8 }, { "name": "rail", "routeTypes": [1, 2], "flatFare": 4.5 } ],
              "transfer": { "windowMinutes": 60, "discountFraction": 1, "maxDiscountedTransfers": 1, "sameRuleOnly": false }, "dailyCap": 12 }
            """, "test.json");
        // second ride free (within 60 min), third pays, fourth free again
        FareRide[] rides = [new("A", 3, 0, 1), new("A", 2, 1800, 1), new("A", 3, 4000, 1), new("A", 3, 4100, 1)];
        Assert.That(model.JourneyFare(rides), Is.EqualTo(9.6m));
        FareRide[] many = [new("A", 3, 0, 1), new("A", 3, 10_000, 1), new("A", 3, 20_000, 1)];
        Assert.That(model.JourneyFare(many), Is.EqualTo(12m), "daily cap");
    }

    [Test]
    public void Parse_NoRules_ThrowsNamingFileAndField()
    {
        var ex = Assert.Throws<InputFileException>(() => FareModel.Parse("""{ "currency": "GBP", "rules": [] }""", "mine.json"));
        Assert.That(ex!.Message, Does.Contain("mine.json").And.Contain("rules"));
    }

    [Test]
    public void DefaultJson_IsTheEmbeddedCommentedFile()
    {
        Assert.That(FareModel.DefaultJson, Does.Contain("PLACEHOLDER").And.Contain("national bus fare cap"));
        Assert.That(FareModel.Parse(FareModel.DefaultJson, "copy.json").Rules, Has.Count.EqualTo(2));
    }
}

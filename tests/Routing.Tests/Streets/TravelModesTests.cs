using Geo.Routing.Profiles;

using Geo.Routing.Streets;
using NUnit.Framework;

namespace Geo.Routing.Tests.Streets;

[TestFixture]
public sealed class TravelModesTests
{
    [TestCase("car", TravelMode.Car)]
    [TestCase("CAR", TravelMode.Car)]
    [TestCase("Walk", TravelMode.Walk)]
    [TestCase("cycle", TravelMode.Cycle)]
    [TestCase("bike", TravelMode.Cycle)]
    public void Parse_ValidName_ReturnsMode(string text, TravelMode expected) => Assert.That(TravelModes.Parse(text), Is.EqualTo(expected));

    [TestCase("bus")]
    [TestCase("")]
    public void Parse_UnknownName_ThrowsListingValidModes(string text)
    {
        var ex = Assert.Throws<ArgumentException>(() => TravelModes.Parse(text));
        Assert.That(ex!.Message, Does.Contain("car, walk, cycle"));
    }

    [TestCase("off_peak", TimeBand.OffPeak)]
    [TestCase("AM_PEAK", TimeBand.AmPeak)]
    [TestCase("inter_peak", TimeBand.InterPeak)]
    [TestCase("pm-peak", TimeBand.PmPeak)]
    public void TimeBandsParse_ValidName_ReturnsBand(string text, TimeBand expected)
    {
        Assert.That(TimeBands.Parse(text), Is.EqualTo(expected));
        Assert.That(TimeBands.Parse(expected.ToName()), Is.EqualTo(expected));
    }

    [Test]
    public void TimeBandsParse_UnknownName_ThrowsListingValidBands()
    {
        var ex = Assert.Throws<ArgumentException>(() => TimeBands.Parse("rush"));
        Assert.That(ex!.Message, Does.Contain("off_peak, am_peak, inter_peak, pm_peak"));
    }
}

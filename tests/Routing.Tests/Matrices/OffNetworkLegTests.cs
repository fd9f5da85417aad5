using Geo.Routing.Geometry;
using Geo.Routing.Matrices;
using Geo.Routing.Streets;
using Geo.Routing.Tests.TestSupport;
using NUnit.Framework;

namespace Geo.Routing.Tests.Matrices;

/// <summary>
/// A point away from the network pays the straight line to where it snaps: at walking speed for walk, at the stated
/// <see cref="OffNetworkLeg"/> speeds for car and cycle, in both minutes and km (it used to get its snapped point's time).
/// </summary>
[TestFixture]
public sealed class OffNetworkLegTests
{
    private const double MetresPerDegreeLat = 111_320;

    [TestCase(TravelMode.Walk)]
    [TestCase(TravelMode.Cycle)]
    [TestCase(TravelMode.Car)]
    public void Matrix_PointOneKmOffTheStreet_AddsStraightLineLeg(TravelMode mode)
    {
        var streets = TestStreets.FromAscii("a - - - b").Way("ab", "highway=residential");
        var network = streets.Build();
        var onStreet = streets.Between('a', 'b', 0.5);
        var farAway = onStreet with { Lat = onStreet.Lat + (1000 / MetresPerDegreeLat) };
        var result = RoadMatrixComputer.Compute(network, mode, [onStreet, farAway], [streets.Point('b')],
            new RoadMatrixOptions { MaxSnapMetres = 5000 });
        Assert.That(result.OriginSnaps[1].IsOk, Is.True);
        var legMetres = result.OriginSnaps[1].DistanceMetres;
        Assert.That(legMetres, Is.EqualTo(1000).Within(5));
        var speedKmh = OffNetworkLeg.SpeedKmh(mode, network.Profiles);
        var expectedLegMinutes = legMetres / 1000 / speedKmh * 60;
        Assert.Multiple(() =>
        {
            Assert.That(result.MinutesAt(1, 0) - result.MinutesAt(0, 0), Is.EqualTo(expectedLegMinutes).Within(0.001));
            Assert.That(result.KilometresAt(1, 0) - result.KilometresAt(0, 0), Is.EqualTo(legMetres / 1000).Within(0.0001));
            Assert.That(result.MinutesAt(1, 0), Is.GreaterThan(result.MinutesAt(0, 0) + 2), "never the snapped point's time");
        });
    }

    [Test]
    public void Speeds_WalkFromProfile_CarAndCycleStated()
    {
        var profiles = TestStreets.FromAscii("a - b").Way("ab", "highway=residential").Build().Profiles;
        Assert.Multiple(() =>
        {
            Assert.That(OffNetworkLeg.SpeedKmh(TravelMode.Walk, profiles), Is.EqualTo(profiles.WalkSpeedKmh));
            Assert.That(OffNetworkLeg.SpeedKmh(TravelMode.Car, profiles), Is.EqualTo(OffNetworkLeg.CarKmh));
            Assert.That(OffNetworkLeg.SpeedKmh(TravelMode.Cycle, profiles), Is.EqualTo(OffNetworkLeg.CycleKmh));
        });
    }
}

using Geo.Routing.Profiles;
using NUnit.Framework;

namespace Geo.Routing.Tests.Profiles;

[TestFixture]
public sealed class MaxSpeedParserTests
{
    private const double Mph = MaxSpeedParser.KmPerMile;

    [TestCase("30 mph", false, 30 * Mph)]
    [TestCase("30mph", false, 30 * Mph)]
    [TestCase(" 20 MPH ", false, 20 * Mph)]
    [TestCase("50", false, 50.0)]
    [TestCase("50 km/h", false, 50.0)]
    [TestCase("50 kmh", false, 50.0)]
    [TestCase("50 kph", false, 50.0)]
    [TestCase("7.5", false, 7.5)]
    [TestCase("national", false, 60 * Mph)]
    [TestCase("national", true, 70 * Mph)]
    [TestCase("GB:national", false, 60 * Mph)]
    [TestCase("GB:nsl_single", false, 60 * Mph)]
    [TestCase("GB:nsl_single", true, 60 * Mph)]
    [TestCase("GB:nsl_dual", false, 70 * Mph)]
    [TestCase("GB:motorway", false, 70 * Mph)]
    [TestCase("UK:nsl_single", false, 60 * Mph)]
    [TestCase("UK:nsl_dual", false, 70 * Mph)]
    [TestCase("UK:motorway", false, 70 * Mph)]
    [TestCase("GB:nsl_restricted", false, 30 * Mph)]
    [TestCase("GB:urban", false, 30 * Mph)]
    [TestCase("30 mph;40 mph", false, 30 * Mph)]
    public void TryParseKmh_KnownForm_ReturnsKmh(string value, bool dual, double expectedKmh)
    {
        Assert.That(MaxSpeedParser.TryParseKmh(value, dual, out var kmh), Is.True);
        Assert.That(kmh, Is.EqualTo(expectedKmh).Within(1e-9));
    }

    [TestCase("none")]
    [TestCase("signals")]
    [TestCase("variable")]
    [TestCase("walk")]
    [TestCase("unknown")]
    [TestCase("")]
    [TestCase(null)]
    [TestCase("0")]
    [TestCase("-30")]
    [TestCase("mph")]
    [TestCase("fast")]
    public void TryParseKmh_NoUsableLimit_ReturnsFalse(string? value)
    {
        Assert.That(MaxSpeedParser.TryParseKmh(value, false, out _), Is.False);
    }
}

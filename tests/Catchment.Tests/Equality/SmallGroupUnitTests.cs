using System.Globalization;
using Geo.Catchment.Equality;
using Geo.Catchment.Scenarios;
using NUnit.Framework;

namespace Geo.Catchment.Tests.Equality;

/// <summary>Household groups (car availability) are sized against the household minimum, not the people minimum.</summary>
[TestFixture]
public sealed class SmallGroupUnitTests
{
    [Test]
    public void IsSmall_900Households_NotSmallAsHouseholdsButSmallAsPeople()
    {
        var settings = new EqualitySpec();
        Assert.That(EqualityImpact.IsSmall(5, 900, settings, CensusSpec.Households), Is.False, "900 >= 800 households");
        Assert.That(EqualityImpact.IsSmall(5, 900, settings, CensusSpec.People), Is.True, "900 < 2,000 people");
        Assert.That(EqualityImpact.IsSmall(5, 799, settings, CensusSpec.Households), Is.True);
        Assert.That(EqualityImpact.IsSmall(1, 5000, settings, CensusSpec.Households), Is.True, "one zone is never a group");
        Assert.That(EqualityImpact.IsSmall(5, 100, settings with { MinGroupHouseholds = 50 }, CensusSpec.Households), Is.False, "settable");
    }

    [Test]
    public void SmallGroupHelp_StatesTheDefaults()
    {
        var help = string.Concat(EqualitySpec.SmallGroupHelp);
        Assert.That(help, Does.Contain(EqualitySpec.DefaultMinGroupZones.ToString(CultureInfo.InvariantCulture) + " zones"));
        Assert.That(help, Does.Contain(EqualitySpec.DefaultMinGroupPeople.ToString("#,0", CultureInfo.InvariantCulture) + " people"));
        Assert.That(help, Does.Contain(EqualitySpec.DefaultMinGroupHouseholds.ToString("#,0", CultureInfo.InvariantCulture) + " households"));
        Assert.That(help, Does.Contain("minGroupHouseholds"));
    }
}

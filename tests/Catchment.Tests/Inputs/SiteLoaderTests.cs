using Geo.Catchment.Inputs;
using Geo.Catchment.Scenarios;
using Geo.Catchment.Tests.Scenarios;
using Geo.Core;
using NUnit.Framework;

namespace Geo.Catchment.Tests.Inputs;

[TestFixture]
public sealed class SiteLoaderTests
{
    [Test]
    public void Read_IsleOfWightHospitals_DeduplicatesOnOrganisationCode()
    {
        var path = TestFiles.SharedData("isle-of-wight/sites/nhs_choices_2014_hospitals_iow_solent.csv");
        var spec = new SiteSpec { File = path, Id = "OrganisationCode", Deduplicate = true };
        var sites = SiteLoader.Read(spec, p => p);
        var distinctCodes = File.ReadAllLines(path).Skip(1).Count(l => l.Length > 0); // rows (some repeated)
        var stMarys = sites.Single(s => s.Id == "R1F01");
        Assert.Multiple(() =>
        {
            Assert.That(sites.Select(s => s.Id), Is.Unique);
            Assert.That(sites.Count, Is.LessThan(distinctCodes));
            Assert.That(stMarys.Name, Is.EqualTo("St Mary's Hospital"));
            Assert.That(stMarys.Point.Lat, Is.EqualTo(50.71024).Within(1e-4));
            Assert.That(stMarys.Point.Lon, Is.EqualTo(-1.30171).Within(1e-4));
        });
    }

    [Test]
    public void Read_DuplicateIdsWithoutDedupe_Error()
    {
        var path = TestFiles.SharedData("isle-of-wight/sites/nhs_choices_2014_hospitals_iow_solent.csv");
        Assert.Throws<InputFileException>(() => SiteLoader.Read(new SiteSpec { File = path, Id = "OrganisationCode" }, p => p));
    }

    [Test]
    public void Read_DevonCdcs_QuotedLongitudeWithLeadingSpace()
    {
        var path = TestFiles.SharedData("devon-cdc-reference/devon_cdcs.csv");
        var sites = SiteLoader.Read(new SiteSpec { File = path }, p => p);
        Assert.Multiple(() =>
        {
            Assert.That(sites, Has.Count.EqualTo(18));
            Assert.That(sites[0].Id, Is.EqualTo("Bideford Community Hospital"));
            Assert.That(sites[0].Point.Lon, Is.EqualTo(-4.212522957859537).Within(1e-12));
        });
    }
}

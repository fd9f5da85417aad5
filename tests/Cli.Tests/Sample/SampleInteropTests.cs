using Geo.Catchment.Appraisal;

using Geo.Catchment.Scenarios;
using Geo.Samples;
using Geo.Core;
using Geo.Routing.Transit.Gtfs;
using Geo.Routing.Transit.Timetable;
using NUnit.Framework;

namespace Geo.Cli.Tests.Sample;

/// <summary>The sample files must be read cleanly by the project's own GTFS and scenario readers.</summary>
[TestFixture]
public sealed class SampleInteropTests
{
    [Test]
    public void GtfsReader_SampleFeed_NoIssuesAndServiceOnTuesday()
    {
        var issues = new IssueLog();
        var feed = GtfsReader.Read([new GtfsSource(SampleOutput.File(SampleGenerator.GtfsFile))], issues);
        Assert.That(issues.Issues, Is.Empty, string.Join("\n", issues.Issues));
        Assert.That(feed.Stops, Has.Count.EqualTo(SampleOutput.Summary.BusStops));
        var timetable = TimetableBuilder.Build(feed, new DateOnly(2024, 3, 5), issues);
        // Scheduled trips plus frequency expansions (route 2: 50 + 8 departures per direction).
        Assert.That(timetable.TripInstanceCount, Is.GreaterThan(SampleOutput.Summary.BusTrips));
        var bankHoliday = TimetableBuilder.Build(feed, new DateOnly(2024, 5, 6), issues);
        Assert.That(bankHoliday.TripInstanceCount, Is.LessThan(timetable.TripInstanceCount / 4), "bank holiday runs the Sunday service only");
    }

    [Test]
    public void AppraisalInputs_SampleScenario_LoadsZonesAndSites()
    {
        var scenario = ScenarioReader.Read(SampleOutput.File(SampleGenerator.ScenarioFile));
        var inputs = AppraisalInputs.Load(scenario);
        Assert.That(inputs.Zones.Count, Is.EqualTo(SampleOutput.Summary.Zones));
        Assert.That(scenario.Options, Has.Count.EqualTo(3));
        Assert.That(scenario.Placement, Is.Not.Null);
        Assert.That(scenario.Providers, Is.Not.Null);
    }
}

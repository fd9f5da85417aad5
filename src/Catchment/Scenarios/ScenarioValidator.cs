using System.Globalization;
using Geo.Core;

namespace Geo.Catchment.Scenarios;

/// <summary>Structural checks of a <see cref="Scenario"/>; every failure names the scenario file and the JSON path.</summary>
internal static class ScenarioValidator
{
    public static void Validate(Scenario scenario, IReadOnlyCollection<string>? siteIds)
    {
        var file = scenario.FilePath ?? "scenario";
        InputFileException Fail(string path, string problem) => new(file, null, path, problem);
        ScenarioNulls.Check(scenario, file);
        ScenarioRanges.Check(scenario, file);

        if (scenario.Zones is null || string.IsNullOrWhiteSpace(scenario.Zones.File))
        {
            throw Fail("$.zones.file", "the scenario needs a zone file");
        }
        if (scenario.Sites is null || string.IsNullOrWhiteSpace(scenario.Sites.File))
        {
            throw Fail("$.sites.file", "the scenario needs a site file");
        }
        var joins = scenario.Zones.Joins ?? [];
        for (var j = 0; j < joins.Count; j++)
        {
            var at = Path("$.zones.joins", j);
            if (joins[j] is null || string.IsNullOrWhiteSpace(joins[j].File) || string.IsNullOrWhiteSpace(joins[j].Key))
            {
                throw Fail(at, "a join needs \"file\" and \"key\" (the zone-code column of that file)");
            }
            if (joins[j].Columns is null || joins[j].Columns.Count == 0)
            {
                throw Fail(at + ".columns", "a join needs \"columns\": { \"target\": \"source column\" }");
            }
        }
        if (scenario.Zones.AgeGroups is { } ages && (string.IsNullOrWhiteSpace(ages.File) || string.IsNullOrWhiteSpace(ages.Key)))
        {
            throw Fail("$.zones.ageGroups", "ageGroups needs \"file\" and \"key\"");
        }
        CensusSpec.Check(scenario.Zones.Census, Fail);
        if (scenario.Modes is null || scenario.Modes.Count == 0)
        {
            throw Fail("$.modes", $"list at least one mode ({string.Join(", ", Scenario.KnownModes)})");
        }
        var modes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < scenario.Modes.Count; i++)
        {
            var mode = scenario.Modes[i];
            if (!Scenario.KnownModes.Contains(mode))
            {
                throw Fail(Path("$.modes", i), $"unknown mode '{mode}'; known modes are {string.Join(", ", Scenario.KnownModes)}");
            }
            if (!modes.Add(mode))
            {
                throw Fail(Path("$.modes", i), $"mode '{mode}' is listed twice");
            }
        }
        if (scenario.Services is null || scenario.Services.Count == 0)
        {
            throw Fail("$.services", "list at least one service (e.g. \"outpatients\")");
        }
        var services = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < scenario.Services.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(scenario.Services[i]) || !services.Add(scenario.Services[i]))
            {
                throw Fail(Path("$.services", i), $"service '{scenario.Services[i]}' is empty or listed twice");
            }
        }
        if (scenario.Baseline is null)
        {
            throw Fail("$.baseline", "the scenario needs a baseline (the current sites)");
        }
        var optionIds = new HashSet<string>(StringComparer.Ordinal);
        var all = scenario.AllOptions;
        for (var o = 0; o < all.Count; o++)
        {
            var option = all[o];
            var at = o == 0 ? "$.baseline" : Path("$.options", o - 1);
            if (option is null)
            {
                throw Fail(at, "an option is null");
            }
            if (string.IsNullOrWhiteSpace(option.Id))
            {
                throw Fail(at + ".id", "every option needs an id");
            }
            if (!optionIds.Add(option.Id))
            {
                throw Fail(at + ".id", $"option id '{option.Id}' is used twice");
            }
            if (option.Sites is null || option.Sites.Count == 0)
            {
                throw Fail(at + ".sites", $"option '{option.Id}' opens no sites");
            }
            var provided = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (siteId, siteServices) in option.Sites)
            {
                var siteAt = at + ".sites." + siteId;
                if (siteIds is not null && !siteIds.Contains(siteId))
                {
                    throw Fail(siteAt, $"option '{option.Id}' names site '{siteId}', which is not in the site file{CandidatesHint(scenario)}");
                }
                if (siteServices is null || siteServices.Count == 0)
                {
                    throw Fail(siteAt, $"site '{siteId}' in option '{option.Id}' provides no service; list e.g. [\"{scenario.Services[0]}\"]");
                }
                for (var s = 0; s < siteServices.Count; s++)
                {
                    if (!services.Contains(siteServices[s]))
                    {
                        throw Fail(Path(siteAt, s), $"service '{siteServices[s]}' is not in $.services ({string.Join(", ", scenario.Services)})");
                    }
                    provided.Add(siteServices[s]);
                }
            }
            foreach (var service in scenario.Services)
            {
                if (!provided.Contains(service))
                {
                    throw Fail(at + ".sites", $"no site provides service '{service}' in option '{option.Id}'");
                }
            }
            if (option.Allocation is not null && string.IsNullOrWhiteSpace(option.Allocation.File))
            {
                throw Fail(at + ".allocation.file", "an allocation needs a file");
            }
        }
        if (scenario.Matrices is not null)
        {
            foreach (var (mode, spec) in scenario.Matrices)
            {
                var at = "$.matrices." + mode;
                if (!Scenario.KnownModes.Contains(mode))
                {
                    throw Fail(at, $"unknown mode '{mode}'; known modes are {string.Join(", ", Scenario.KnownModes)}");
                }
                if (spec is null || string.IsNullOrWhiteSpace(spec.File))
                {
                    throw Fail(at + ".file", "a matrix needs a file");
                }
                if (spec.Layout is not ("long" or "wide"))
                {
                    throw Fail(at + ".layout", $"layout '{spec.Layout}' is not \"long\" or \"wide\"");
                }
                if (spec.OriginKey is not ("id" or "name"))
                {
                    throw Fail(at + ".originKey", $"originKey '{spec.OriginKey}' is not \"id\" or \"name\"");
                }
                if (spec.DestinationKey is not ("id" or "name"))
                {
                    throw Fail(at + ".destinationKey", $"destinationKey '{spec.DestinationKey}' is not \"id\" or \"name\"");
                }
            }
        }
        if (scenario.Demand is not null)
        {
            if (string.IsNullOrWhiteSpace(scenario.Demand.File))
            {
                throw Fail("$.demand.file", "demand needs a file");
            }
            if (scenario.Demand.ZoneKey is not ("id" or "name"))
            {
                throw Fail("$.demand.zoneKey", $"zoneKey '{scenario.Demand.ZoneKey}' is not \"id\" or \"name\"");
            }
        }
        if (scenario.Equality is { } eq && (eq.RelativeMargin < 0 || eq.AbsoluteMarginMinutes < 0))
        {
            throw Fail("$.equality", "margins must not be negative");
        }
        if (scenario.Equality is { } sizes && (sizes.MinGroupZones < 0 || sizes.MinGroupPeople < 0 || sizes.MinGroupHouseholds < 0))
        {
            throw Fail("$.equality", "minimum group sizes must not be negative");
        }
        if (scenario.Isochrones is { } iso)
        {
            for (var i = 0; i < iso.Modes.Count; i++)
            {
                if (iso.Modes[i] is not ("car" or "walk" or "cycle"))
                {
                    throw Fail(Path("$.isochrones.modes", i), $"'{iso.Modes[i]}' is not a road mode; isochrones in geo run are drawn for car, walk or cycle (geo isochrone --mode transit draws public transport)");
                }
            }
            if (iso.Minutes.Count == 0)
            {
                throw Fail("$.isochrones.minutes", "give at least one band, e.g. [10, 20, 30]");
            }
            for (var i = 0; i < iso.Minutes.Count; i++)
            {
                if (!(iso.Minutes[i] > 0 && iso.Minutes[i] <= 240))
                {
                    throw Fail(Path("$.isochrones.minutes", i), "each band must be more than 0 and at most 240 minutes");
                }
            }
        }
        var needPoints = scenario.NeedMaps?.Points ?? [];
        for (var i = 0; i < needPoints.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(needPoints[i].Label))
            {
                throw Fail(Path("$.needMaps.points", i) + ".label", "each point file needs a label (shown in the legend), e.g. \"care homes\"");
            }
            if (string.IsNullOrWhiteSpace(needPoints[i].Points.File))
            {
                throw Fail(Path("$.needMaps.points", i) + ".points.file", "each point file needs a file");
            }
        }
    }

    private static string CandidatesHint(Scenario scenario) =>
        scenario.Placement?.Candidates is null ? "" : " or the placement candidates file";

    private static string Path(string parent, int index) => parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
}

using System.Globalization;
using Geo.Core;
using Geo.Routing.Jobs;
using Geo.Routing.Profiles;

namespace Geo.Catchment.Scenarios;

/// <summary>
/// Ranges and formats of the scenario's settings (snap distance, time band, transit date and window, placement problem),
/// checked before any work so a bad value fails in a second with its JSON path, not after an hour of routing.
/// </summary>
internal static class ScenarioRanges
{
    /// <summary>Largest snap distance accepted: 50 km (a point further from any road is in the sea or another country).</summary>
    public const double MaxSnapMetresLimit = 50_000;

    /// <summary>Longest walk to or from a stop accepted: 3 hours.</summary>
    public const double MaxWalkMinutesLimit = 180;

    public static void Check(Scenario scenario, string file)
    {
        InputFileException Fail(string path, string problem) => new(file, null, path, problem);

        if (scenario.Network is { } network)
        {
            if (network.MaxSnapMetres is double snap && !(snap > 0 && snap <= MaxSnapMetresLimit))
            {
                throw Fail("$.network.maxSnapMetres", Invariant($"{snap} is out of range: give metres above 0 and at most {MaxSnapMetresLimit}"));
            }
            if (network.TimeBand is { } band && !TimeBands.TryParse(band, out _))
            {
                throw Fail("$.network.timeBand", $"unknown time band '{band}'; valid: {TimeBands.ValidNames}");
            }
        }
        if (scenario.Transit is { } transit)
        {
            for (var i = 0; i < transit.Gtfs.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(transit.Gtfs[i]))
                {
                    throw Fail(Invariant($"$.transit.gtfs[{i}]"), "a GTFS file name is empty");
                }
            }
            if (transit.Date is { } date && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                throw Fail("$.transit.date", $"'{date}' is not a date like 2024-03-05");
            }
            if (transit.Window is { } window && !DepartureWindow.TryParse(window, out _, out var windowError))
            {
                throw Fail("$.transit.window", $"'{window}' is not a window like 07:00-10:00 (start before end): {windowError}");
            }
            if (transit.MaxWalkMinutes is double walk && !(walk > 0 && walk <= MaxWalkMinutesLimit))
            {
                throw Fail("$.transit.maxWalkMinutes", Invariant($"{walk} is out of range: give minutes above 0 and at most {MaxWalkMinutesLimit}"));
            }
        }
        if (scenario.Placement is { } placement)
        {
            if (!PlacementProblemKinds.TryParse(placement.Problem, out _))
            {
                throw Fail("$.placement.problem", $"unknown problem '{placement.Problem}'; valid: pmedian, mclp, lscp, pcenter");
            }
            if (placement.Mode is { } mode && !Scenario.KnownModes.Contains(mode))
            {
                throw Fail("$.placement.mode", $"unknown mode '{mode}'; known modes are {string.Join(", ", Scenario.KnownModes)}");
            }
            if (placement.P is < 1)
            {
                throw Fail("$.placement.p", Invariant($"p = {placement.P} is out of range: give the number of new sites, at least 1"));
            }
            if (placement.Threshold is double threshold && !(threshold >= 0 && double.IsFinite(threshold)))
            {
                throw Fail("$.placement.threshold", Invariant($"{threshold} is out of range: give minutes, 0 or more"));
            }
            for (var i = 0; i < placement.Existing.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(placement.Existing[i]))
                {
                    throw Fail(Invariant($"$.placement.existing[{i}]"), "a site id is empty");
                }
            }
            if (placement.Candidates is { } candidates)
            {
                Sites(candidates, "$.placement.candidates", Fail, fileRequired: false);
            }
        }
        Sites(scenario.Sites, "$.sites", Fail, fileRequired: false);
        if (scenario.Providers is { } providers)
        {
            Sites(providers, "$.providers", Fail);
        }
        if (scenario.Matrices is not null)
        {
            foreach (var (mode, spec) in scenario.Matrices)
            {
                if (spec?.NoRoute is double noRoute && !double.IsFinite(noRoute))
                {
                    throw Fail("$.matrices." + mode + ".noRoute", "must be a finite number");
                }
            }
        }
        if (scenario.Equality is { } eq && !(double.IsFinite(eq.RelativeMargin) && double.IsFinite(eq.AbsoluteMarginMinutes)))
        {
            throw Fail("$.equality", "margins must be finite numbers");
        }
    }

    private static void Sites(SiteSpec spec, string path, Func<string, string, InputFileException> fail, bool fileRequired = true)
    {
        if (fileRequired && string.IsNullOrWhiteSpace(spec.File))
        {
            throw fail(path + ".file", "a site list needs a file");
        }
        var also = spec.Also ?? [];
        for (var i = 0; i < also.Count; i++)
        {
            Sites(also[i], Invariant($"{path}.also[{i}]"), fail);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

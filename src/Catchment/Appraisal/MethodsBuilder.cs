using System.Globalization;
using Geo.Catchment.Equality;
using Geo.Catchment.Reports.Methods;
using Geo.Core;
using Geo.Catchment.Inputs;
using Geo.Catchment.Scenarios;
using Geo.Catchment.Scoring;
using Geo.Routing.Matrices;
using Geo.Routing.Multimodal;
using Geo.Routing.Profiles;

namespace Geo.Catchment.Appraisal;

/// <summary>
/// Builds the methods-and-data section from the scenario and what the appraisal read: every input file with its date or
/// version, how each mode's times were made, the fare model, cost and carbon rates with sources, the time-band rule,
/// the weighting, the equality and ranking rules, known limits and the attribution the data's licences require.
/// </summary>
public static class MethodsBuilder
{
    public static MethodsAndData Build(AppraisalInputs inputs, IReadOnlyDictionary<string, TravelMatrix> matrices, EqualitySpec equality, RankingWeights ranking)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(matrices);
        ArgumentNullException.ThrowIfNull(equality);
        ArgumentNullException.ThrowIfNull(ranking);
        var scenario = inputs.Scenario;
        var sources = new List<DataSource>();
        void Add(string role, string? file)
        {
            if (string.IsNullOrWhiteSpace(file))
            {
                return;
            }
            var path = scenario.Resolve(file);
            var (edition, licence) = FileEdition.Guess(path);
            if (scenario.Sources is not null && scenario.Sources.TryGetValue(file, out var declared))
            {
                edition = declared;
            }
            sources.Add(new DataSource(role, path, edition, licence, null));
        }

        var zones = scenario.Zones;
        Add("Zones: points (ids, coordinates, attributes)", zones.File);
        Add("Zones: boundaries", zones.Boundaries);
        foreach (var join in zones.Joins ?? [])
        {
            Add("Zones: " + string.Join(", ", join.Columns.Keys), join.File);
        }
        if (zones.AgeGroups is { } age)
        {
            Add("Zones: residents by age group (population, 65+)", age.File);
        }
        foreach (var (role, spec) in SiteFiles("Sites", scenario.Sites))
        {
            Add(role, spec.File);
        }
        if (scenario.Placement?.Candidates is { } candidates)
        {
            foreach (var (role, spec) in SiteFiles("Placement candidates", candidates))
            {
                Add(role, spec.File);
            }
        }
        if (scenario.Providers is { } providers)
        {
            Add("Providers", providers.File);
        }
        foreach (var points in scenario.NeedMaps?.Points ?? [])
        {
            Add($"Need map points ({points.Label})", points.Points.File);
        }
        if (scenario.NeedMaps?.Visits is { } visits)
        {
            Add("Visits (flow map)", visits);
        }
        if (scenario.Demand is { } demand)
        {
            Add($"Demand (column {demand.Value})", demand.File);
        }
        foreach (var option in scenario.AllOptions)
        {
            if (option.Allocation is { } allocation)
            {
                Add($"Fixed allocation of option {option.Id}", allocation.File);
            }
        }
        if (scenario.Network?.Osm is { } osm)
        {
            var path = scenario.Resolve(osm);
            var (date, how, program) = OsmFileDate.Read(path);
            var version = date is null ? how : $"data to {date.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} ({how})";
            sources.Add(new DataSource("Street network: OpenStreetMap extract", path, version, "ODbL 1.0: " + Attribution.OpenStreetMap,
                program is null ? null : "written by " + program));
        }
        Add("Car speeds (overrides)", scenario.Network?.Speeds);
        if (scenario.Transit is { } transit && scenario.Modes.Contains("transit") && !(scenario.Matrices?.ContainsKey("transit") ?? false))
        {
            foreach (var feed in transit.Gtfs)
            {
                sources.Add(GtfsFeedDescription.Describe(scenario.Resolve(feed), "Public transport timetable (GTFS)"));
            }
            Add("Public transport fares", transit.Fares);
        }
        foreach (var (mode, matrix) in matrices)
        {
            if (matrix.Source is { } source && File.Exists(source))
            {
                Add($"Travel times, {mode} (matrix computed outside this run)", source);
            }
        }
        Add("Cost and carbon rates", scenario.Costs);

        return new MethodsAndData
        {
            Inputs = sources,
            Methods = Notes(inputs, matrices, equality, ranking),
            KnownLimits = Limits(scenario, matrices),
            Attribution = [.. AttributionLines(inputs), .. sources.Where(x => x.Role.Contains("GTFS", StringComparison.Ordinal))
                .Select(x => $"Timetable {Path.GetFileName(x.File)}: {x.Detail}; licence: {x.Licence}.")],
        };
    }

    private static IEnumerable<(string Role, SiteSpec Spec)> SiteFiles(string role, SiteSpec spec)
    {
        yield return (role, spec);
        foreach (var also in spec.Also ?? [])
        {
            foreach (var item in SiteFiles(role + " (also)", also))
            {
                yield return item;
            }
        }
    }

    private static List<MethodNote> Notes(AppraisalInputs inputs, IReadOnlyDictionary<string, TravelMatrix> matrices, EqualitySpec equality, RankingWeights ranking)
    {
        var scenario = inputs.Scenario;
        var c = inputs.Costs;
        var notes = new List<MethodNote>
        {
            new("Time bands", Within.Rule + "."),
            new("Weighting", inputs.WeightedBy == "demand"
                ? $"Every figure is weighted by demand (column '{scenario.Demand!.Value}' of {Path.GetFileName(scenario.Demand.File)}); equality groups' sizes are counted in residents."
                : "Every figure is weighted by residents (the zone population); percentiles are weighted (the smallest time reached by at least that share)."),
            new("Destination", "Each zone is served by the open site providing the service with the shortest travel time (ties: the site listed first), or by its fixed allocation."),
        };
        var snap = scenario.Network?.MaxSnapMetres ?? 1000;
        foreach (var mode in scenario.Modes)
        {
            var external = scenario.Matrices?.ContainsKey(mode) ?? false;
            var source = matrices.TryGetValue(mode, out var m) ? m.Source : null;
            if (external || (source is not null && File.Exists(source)))
            {
                notes.Add(new(Title(mode), $"Times read from the matrix file {Path.GetFileName(source ?? "")} (made outside this run; its method is the producer's)."));
                continue;
            }
            var leg = string.Create(CultureInfo.InvariantCulture,
                $"Points are snapped to the nearest street within {snap:0} m; the straight line from the point to the street is added to time and distance at {LegSpeed(mode)}.");
            notes.Add(mode switch
            {
                "car" => new("Car", $"Fastest route on the OpenStreetMap network with the built-in speed profile (speed by road class x a realism factor){(scenario.Network?.Speeds is null ? "" : " and the speed overrides file")}, time band '{scenario.Network?.TimeBand ?? "off_peak"}' (typical speeds, not live traffic). " + leg),
                "walk" => new("Walk", string.Create(CultureInfo.InvariantCulture, $"Shortest walk on the OpenStreetMap network at {StreetProfiles.Default.WalkSpeedKmh:0.0} km/h. ") + leg),
                "cycle" => new("Cycle", "Fastest ride on the OpenStreetMap network at the profile's cycling speed by road class (12 km/h on tracks and paths). " + leg),
                "transit" => new("Public transport", TransitNote(scenario) + " " + leg),
                _ => new(mode, leg),
            });
        }
        if (scenario.Modes.Contains("transit"))
        {
            var hasFares = matrices.TryGetValue("transit", out var t) && t.Fares is not null && Array.Exists(t.Fares, f => !double.IsNaN(f));
            var model = scenario.Transit?.Fares is { } file
                ? $"the fare model in {Path.GetFileName(file)}"
                : "the built-in England fare model (bus: the GBP 3.00 national fare cap per boarding; rail: a placeholder of GBP 0.30 per km, minimum GBP 2.50 - replace with local fares before quoting); `geo run --write-fares fares.json` writes it out for editing";
            notes.Add(new("Fares", hasFares
                ? $"Public transport money is the fare of each zone's median journey from {model}, x {F(c.JourneysPerVisit)} journeys per visit; a walk-only journey costs nothing."
                : $"The public transport matrix has no fares, so every journey is charged the flat fare of GBP {c.TransitFlatFareGbp:0.00} (costs file)."));
        }
        notes.Add(new("Money", $"Per visit = {F(c.JourneysPerVisit)} journeys. Car: GBP {c.CarGbpPerMile:0.00} per mile (HMRC approved mileage allowance; the NHS Healthcare Travel Costs Scheme often reimburses 28p) + GBP {c.CarParkingGbpPerVisit:0.00} parking per visit. Walk and cycle: nothing. Source: {(scenario.Costs is null ? "built-in costs.default.json" : Path.GetFileName(scenario.Costs))}{(c.Notes is null ? "" : " (" + c.Notes + ")")}."));
        notes.Add(new("Carbon", "kg CO2e per km per patient: " + string.Join(", ", c.KgCo2ePerKm.Select(k => k.Key + " " + k.Value.ToString("0.###", CultureInfo.InvariantCulture)))
            + $"; public transport blends bus and rail with rail share {F(c.TransitRailShare)}. Source: UK Government GHG Conversion Factors for Company Reporting (DESNZ 2024, approximate); check the current year's factors."));
        if (c.DetourFactor > 0)
        {
            notes.Add(new("Distances", $"Where a matrix has no km, distance = straight line x {F(c.DetourFactor)} (detour factor), and cost and carbon follow from it."));
        }
        notes.Add(new("Equality", "Groups: IMD quintile (1 = most deprived) and Core20 (IMD deciles 1-2) where IMD is given; age (65+ / under 65); wards and local authorities by code with the name beside it; categorical zone columns. A group is flagged when "
            + string.Create(CultureInfo.InvariantCulture, $"it travels longer than before and its mean change exceeds the whole population's by more than {equality.AbsoluteMarginMinutes} minutes and by more than {equality.RelativeMargin:P0} of the population's absolute mean change. Groups of fewer than {equality.MinGroupZones:N0} zones, or of fewer than {equality.MinGroupPeople:N0} people ({equality.MinGroupHouseholds:N0} households for household groups such as car availability), are marked small and never flagged (defaults {EqualitySpec.DefaultMinGroupZones:N0} zones, {EqualitySpec.DefaultMinGroupPeople:N0} people, {EqualitySpec.DefaultMinGroupHouseholds:N0} households; set equality.minGroupZones, equality.minGroupPeople and equality.minGroupHouseholds in the scenario).")));
        notes.Add(new("Ranking", ranking.Describe()));
        return notes;
    }

    private static string TransitNote(Scenario scenario)
    {
        var t = scenario.Transit;
        var window = t?.Window ?? "07:00-10:00";
        var max = t?.MaxMinutes ?? TransitMatrixRequest.DefaultMaxTripMinutes;
        return string.Create(CultureInfo.InvariantCulture,
            $"Walk + public transport from the GTFS timetables for service date {t?.Date ?? "?"}, departing every minute {window}; the time is the median over those departures (including the wait at the origin). Walks to, from and between stops at most {t?.MaxWalkMinutes ?? 20:0} minutes; journeys longer than {max} minutes count as unreachable (transit.maxMinutes).");
    }

    private static string LegSpeed(string mode) => mode switch
    {
        "car" => string.Create(CultureInfo.InvariantCulture, $"{OffNetworkLeg.CarKmh:0} km/h"),
        "cycle" => string.Create(CultureInfo.InvariantCulture, $"{OffNetworkLeg.CycleKmh:0} km/h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"walking speed ({StreetProfiles.Default.WalkSpeedKmh:0.0} km/h)"),
    };

    private static string Title(string mode) => mode switch
    {
        "car" => "Car",
        "walk" => "Walk",
        "cycle" => "Cycle",
        "transit" => "Public transport",
        _ => mode,
    };

    private static List<string> Limits(Scenario scenario, IReadOnlyDictionary<string, TravelMatrix> matrices)
    {
        var limits = new List<string>
        {
            "Each zone is one point (its population-weighted centroid where given): everyone in a zone is given that point's travel time.",
            "Times are modelled, not observed: car speeds are typical for the time band (no live traffic, no delays at junctions beyond the profile's realism factor).",
        };
        if (scenario.Modes.Contains("transit"))
        {
            limits.Add("Public transport follows the timetable as published for one service date: no delays, cancellations or real-time changes; the date and window chosen matter.");
            limits.Add("Default fares are assumptions (bus fare cap; a rail placeholder per km): concessionary passes, returns and day tickets are not modelled.");
        }
        if (matrices.Values.Any(m => m.Kilometres is null))
        {
            limits.Add("Some modes have no route distances: km, cost and carbon there are straight-line estimates.");
        }
        limits.Add("Results are as current as the input data (see the dates above): sites opened or closed since are not reflected.");
        limits.Add("Small groups are shown but not flagged; their means are unstable.");
        if (scenario.Zones.Boundaries is not null)
        {
            limits.Add("Need maps: residents per km² use each zone boundary's area on an equal-area (Lambert azimuthal) projection of the WGS84 ellipsoid; points per zone count each point in the first zone containing it (points outside every zone are reported, not counted); percentages of census groups are of residents (people) or of the dimension's households.");
        }
        if (scenario.NeedMaps?.Visits is not null)
        {
            limits.Add("Flow lines are straight from the zone's centre to the site attended, not routes; line width is in proportion to visits.");
        }
        if (scenario.Isochrones is { } isochrones)
        {
            limits.Add("Isochrones are the streets reachable within each band from the snapped site, buffered by geo isochrone's default width per mode: " + string.Join(", ", isochrones.Modes) + ".");
        }
        return limits;
    }

    private static List<string> AttributionLines(AppraisalInputs inputs)
    {
        var scenario = inputs.Scenario;
        var lines = new List<string> { Attribution.OpenStreetMap + ": street network and map base where drawn." };
        if (inputs.Zones.Codes.Any(c => c.Length == 9 && c[0] is 'E' or 'W' && char.IsAsciiDigit(c[1])) || scenario.Zones.Boundaries is not null)
        {
            lines.Add(Attribution.Ons + ".");
        }
        if (inputs.Zones.HasImd)
        {
            lines.Add(Attribution.Mhclg + ".");
        }
        foreach (var line in scenario.Attribution ?? [])
        {
            lines.Add(line);
        }
        return lines;
    }

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}

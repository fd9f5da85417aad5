using System.Reflection;
using System.Text.Json;
using Geo.Catchment.Scenarios;
using Geo.Core;

namespace Geo.Catchment.Costs;

/// <summary>
/// Money and carbon assumptions for appraisal; the documented defaults live in the embedded <c>costs.default.json</c>
/// (see <see cref="DefaultJson"/>). Money and carbon are per visit = <see cref="JourneysPerVisit"/> journeys.
/// </summary>
public sealed record CostSettings
{
    public const double KmPerMile = 1.609344;

    public double JourneysPerVisit { get; init; } = 2;
    public double CarGbpPerMile { get; init; } = 0.45;
    public double CarParkingGbpPerVisit { get; init; }
    public double TransitFlatFareGbp { get; init; } = 3.0;
    public double ValueOfTimeGbpPerHour { get; init; }
    public double DetourFactor { get; init; } = 1.3;
    public IReadOnlyDictionary<string, double> KgCo2ePerKm { get; init; } =
        new Dictionary<string, double> { ["car"] = 0.166, ["bus"] = 0.103, ["rail"] = 0.035, ["walk"] = 0, ["cycle"] = 0 };
    /// <summary>Share of public-transport km by rail, blending the bus and rail factors for mode "transit".</summary>
    public double TransitRailShare { get; init; }
    public string? Notes { get; init; }

    /// <summary>The built-in defaults, read from the embedded costs.default.json.</summary>
    public static CostSettings Default { get; } = Parse(DefaultJson, "costs.default.json");

    /// <summary>The text of the embedded costs.default.json (with its comments), for users to copy and edit.</summary>
    public static string DefaultJson
    {
        get
        {
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Geo.Catchment.Costs.costs.default.json")
                ?? throw new InvalidOperationException("costs.default.json is not embedded");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    public double CarGbpPerKm => CarGbpPerMile / KmPerMile;

    /// <summary>kg CO2e per km for a mode; "transit" blends "bus" and "rail" by <see cref="TransitRailShare"/> unless given itself.</summary>
    public double KgCo2ePerKmFor(string mode)
    {
        ArgumentNullException.ThrowIfNull(mode);
        if (KgCo2ePerKm.TryGetValue(mode, out var factor))
        {
            return factor;
        }
        if (mode == "transit")
        {
            var bus = KgCo2ePerKm.TryGetValue("bus", out var b) ? b : 0;
            var rail = KgCo2ePerKm.TryGetValue("rail", out var r) ? r : 0;
            return bus * (1 - TransitRailShare) + rail * TransitRailShare;
        }
        return 0;
    }

    public static CostSettings Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new InputFileException(path, null, null, "costs file not found");
        }
        return Parse(File.ReadAllText(path), path);
    }

    public static CostSettings Parse(string json, string file)
    {
        CostSettings? settings;
        try
        {
            settings = JsonSerializer.Deserialize<CostSettings>(json, ScenarioReader.Options);
        }
        catch (JsonException ex)
        {
            throw new InputFileException(file, ex.LineNumber is long l ? (int)l + 1 : null, ex.Path, "not a valid costs file: " + ex.Message);
        }
        if (settings is null)
        {
            throw new InputFileException(file, 1, "$", "the costs file is empty");
        }
        if (settings.JourneysPerVisit <= 0 || settings.CarGbpPerMile < 0 || settings.CarParkingGbpPerVisit < 0 || settings.TransitFlatFareGbp < 0
            || settings.ValueOfTimeGbpPerHour < 0 || settings.DetourFactor < 0 || settings.TransitRailShare is < 0 or > 1)
        {
            throw new InputFileException(file, null, "$", "costs must not be negative, journeysPerVisit must be positive and transitRailShare between 0 and 1");
        }
        foreach (var (mode, factor) in settings.KgCo2ePerKm)
        {
            if (factor < 0 || !double.IsFinite(factor))
            {
                throw new InputFileException(file, null, "$.kgCo2ePerKm." + mode, "carbon factor must be a non-negative number");
            }
        }
        return settings;
    }

    /// <summary>The scenario's costs file, or the defaults.</summary>
    public static CostSettings For(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.Costs is null ? Default : Load(scenario.Resolve(scenario.Costs));
    }
}

using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Geo.Core;
using Geo.Routing.Osm;
using Geo.Routing.Streets;

namespace Geo.Routing.Profiles;

/// <summary>
/// The street profiles of car, walk and cycle: per highway class access and speeds, car time-band factors,
/// and the OSM tag rules (access hierarchy, oneway, maxspeed). Loaded from a documented JSON file; the defaults are
/// the embedded profiles.default.json (see <see cref="DefaultJson"/>).
/// </summary>
public sealed class StreetProfiles
{
    private const string ResourceName = "Geo.Routing.Profiles.profiles.default.json";

    private static readonly Lazy<string> DefaultText = new(ReadDefaultJson);
    private static readonly Lazy<StreetProfiles> DefaultProfiles = new(() => Parse(DefaultText.Value, "profiles.default.json (embedded)"));

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        PropertyNameCaseInsensitive = false,
    };

    private readonly HighwayProfile?[] _highways;
    private readonly double[] _bandFactors; // [band * classCount + class]

    private StreetProfiles(string json, double walkSpeedKmh, double cycleSpeedKmh, HighwayProfile?[] highways, double[] bandFactors)
    {
        Json = json;
        WalkSpeedKmh = walkSpeedKmh;
        CycleSpeedKmh = cycleSpeedKmh;
        _highways = highways;
        _bandFactors = bandFactors;
    }

    /// <summary>The embedded defaults.</summary>
    public static StreetProfiles Default => DefaultProfiles.Value;

    /// <summary>The text of the embedded default profile file, for users to copy and edit.</summary>
    public static string DefaultJson => DefaultText.Value;

    /// <summary>The JSON text these profiles were read from (stored in network files).</summary>
    public string Json { get; }

    public double WalkSpeedKmh { get; }

    public double CycleSpeedKmh { get; }

    /// <summary>The class defaults, or null when the class is not routable for any mode.</summary>
    public HighwayProfile? Get(HighwayClass highway) => _highways[(int)highway];

    /// <summary>The factor applied to car speeds on this class in this time band (1 in off-peak by default).</summary>
    public double CarBandFactor(TimeBand band, HighwayClass highway) => _bandFactors[((int)band * HighwayClasses.Count) + (int)highway];

    /// <summary>Reads a profile file.</summary>
    /// <exception cref="InputFileException">Missing, unreadable or invalid file.</exception>
    public static StreetProfiles Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException(path, null, null, "cannot read the profile file: " + ex.Message);
        }
        return Parse(text, path);
    }

    /// <summary>Parses profile JSON; <paramref name="fileName"/> names the source in error messages.</summary>
    public static StreetProfiles Parse(string json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ProfileFile? file;
        try
        {
            file = JsonSerializer.Deserialize<ProfileFile>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is long l ? (int)l + 1 : (int?)null;
            var problem = ex.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? "unknown field (the documented fields are in the default file: geo build-network --write-default-profiles profiles.json)"
                : "invalid profile JSON: " + ex.Message.Split(" Path:", 2)[0];
            throw new InputFileException(fileName, line, ex.Path, problem);
        }
        if (file is null)
        {
            throw new InputFileException(fileName, null, null, "the profile file is empty");
        }
        var walk = RequirePositive(fileName, "walk.speedKmh", file.Walk?.SpeedKmh);
        var cycle = RequirePositive(fileName, "cycle.speedKmh", file.Cycle?.SpeedKmh);
        if (file.Highways is null || file.Highways.Count == 0)
        {
            throw new InputFileException(fileName, null, "highways", "at least one highway class is required");
        }
        var highways = new HighwayProfile?[HighwayClasses.Count];
        foreach (var (name, entry) in file.Highways)
        {
            if (!HighwayClasses.TryParse(name, out var highway))
            {
                throw new InputFileException(fileName, null, "highways." + name,
                    "unknown highway class; valid classes: " + string.Join(", ", HighwayClasses.AllNames));
            }
            var field = "highways." + name;
            var carSpeed = RequirePositive(fileName, field + ".carSpeedKmh", entry.CarSpeedKmh);
            var realism = entry.CarRealismFactor ?? 1.0;
            if (!(realism > 0 && realism <= 2))
            {
                throw new InputFileException(fileName, null, field + ".carRealismFactor", "must be in (0, 2]");
            }
            var walkSpeed = entry.WalkSpeedKmh is null ? walk : RequirePositive(fileName, field + ".walkSpeedKmh", entry.WalkSpeedKmh);
            var cycleSpeed = entry.CycleSpeedKmh is null ? cycle : RequirePositive(fileName, field + ".cycleSpeedKmh", entry.CycleSpeedKmh);
            highways[(int)highway] = new HighwayProfile(entry.Car, entry.Walk, entry.Cycle, carSpeed, realism, walkSpeed, cycleSpeed,
                entry.ImpliedOneway ?? false);
        }
        var bandFactors = new double[TimeBands.All.Count * HighwayClasses.Count];
        Array.Fill(bandFactors, 1.0);
        if (file.CarTimeBandFactors is not null)
        {
            foreach (var (bandName, factors) in file.CarTimeBandFactors)
            {
                if (!TimeBands.TryParse(bandName, out var band))
                {
                    throw new InputFileException(fileName, null, "carTimeBandFactors." + bandName, "unknown time band; valid bands: " + TimeBands.ValidNames);
                }
                var offset = (int)band * HighwayClasses.Count;
                if (factors.TryGetValue("default", out var all))
                {
                    CheckFactor(fileName, "carTimeBandFactors." + bandName + ".default", all);
                    bandFactors.AsSpan(offset, HighwayClasses.Count).Fill(all);
                }
                foreach (var (className, factor) in factors)
                {
                    if (className == "default")
                    {
                        continue;
                    }
                    var field = "carTimeBandFactors." + bandName + "." + className;
                    if (!HighwayClasses.TryParse(className, out var highway))
                    {
                        throw new InputFileException(fileName, null, field, "unknown highway class");
                    }
                    CheckFactor(fileName, field, factor);
                    bandFactors[offset + (int)highway] = factor;
                }
            }
        }
        return new StreetProfiles(json, walk, cycle, highways, bandFactors);
    }

    /// <summary>Decides access, direction and speeds for one distinct tag set. Call once per tag set, not per edge.</summary>
    public WayProfile Evaluate(OsmTagSet tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        if (!HighwayClasses.TryParse(tags.Get("highway"), out var highway) || _highways[(int)highway] is not { } defaults)
        {
            return default;
        }
        var area = tags.Get("area");
        if (area is "yes" && highway is not HighwayClass.Pedestrian and not HighwayClass.Footway)
        {
            return default;
        }
        var car = OsmAccess.Resolve(defaults.Car, tags, OsmAccess.CarKeys);
        var walk = OsmAccess.Resolve(defaults.Walk, tags, OsmAccess.WalkKeys);
        var cycle = OsmAccess.Resolve(defaults.Cycle, tags, OsmAccess.CycleKeys);
        if (tags.Get("motorroad") == "yes")
        {
            walk = false;
            cycle = false;
        }

        var oneway = OsmAccess.Oneway(tags.Get("oneway"));
        if (oneway == OnewayDirection.Unspecified && (defaults.ImpliedOneway || tags.Get("junction") is "roundabout" or "circular"))
        {
            oneway = OnewayDirection.Forward;
        }
        var cycleOneway = oneway;
        var onewayBicycle = OsmAccess.Oneway(tags.Get("oneway:bicycle"));
        if (onewayBicycle != OnewayDirection.Unspecified)
        {
            cycleOneway = onewayBicycle;
        }
        else if (IsOpposite(tags.Get("cycleway")) || IsOpposite(tags.Get("cycleway:left")) || IsOpposite(tags.Get("cycleway:right")) || IsOpposite(tags.Get("cycleway:both")))
        {
            cycleOneway = OnewayDirection.Both;
        }

        var dual = highway.IsMotorway() || tags.Get("dual_carriageway") == "yes"
            || (highway is HighwayClass.Trunk or HighwayClass.Primary && oneway == OnewayDirection.Forward);
        var posted = MaxSpeedParser.TryParseKmh(tags.Get("maxspeed"), dual, out var maxspeed) ? maxspeed : defaults.CarSpeedKmh;
        var carSpeed = posted * defaults.CarRealismFactor;

        return new WayProfile(
            highway,
            car && oneway is OnewayDirection.Unspecified or OnewayDirection.Both or OnewayDirection.Forward,
            car && oneway is OnewayDirection.Unspecified or OnewayDirection.Both or OnewayDirection.Backward,
            walk,
            walk,
            cycle && cycleOneway is OnewayDirection.Unspecified or OnewayDirection.Both or OnewayDirection.Forward,
            cycle && cycleOneway is OnewayDirection.Unspecified or OnewayDirection.Both or OnewayDirection.Backward,
            carSpeed,
            defaults.WalkSpeedKmh,
            defaults.CycleSpeedKmh);
    }

    private static bool IsOpposite(string? cycleway) => cycleway is not null && cycleway.StartsWith("opposite", StringComparison.Ordinal);

    private static double RequirePositive(string fileName, string field, double? value)
    {
        if (value is not double v || !(v > 0) || double.IsInfinity(v))
        {
            throw new InputFileException(fileName, null, field, "a positive speed in km/h is required");
        }
        return v;
    }

    private static void CheckFactor(string fileName, string field, double factor)
    {
        if (!(factor > 0 && factor <= 2))
        {
            throw new InputFileException(fileName, null, field, "a factor in (0, 2] is required");
        }
    }

    private static string ReadDefaultJson()
    {
        using var stream = typeof(StreetProfiles).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("Embedded resource " + ResourceName + " is missing from " + typeof(StreetProfiles).Assembly.GetName().Name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private sealed class ProfileFile
    {
        [JsonPropertyName("format")]
        public string? Format { get; set; }

        [JsonPropertyName("notes")]
        public List<string>? Notes { get; set; }

        [JsonPropertyName("walk")]
        public ModeSpeed? Walk { get; set; }

        [JsonPropertyName("cycle")]
        public ModeSpeed? Cycle { get; set; }

        [JsonPropertyName("carTimeBandFactors")]
        public Dictionary<string, Dictionary<string, double>>? CarTimeBandFactors { get; set; }

        [JsonPropertyName("highways")]
        public Dictionary<string, HighwayEntry>? Highways { get; set; }
    }

    private sealed class ModeSpeed
    {
        [JsonPropertyName("speedKmh")]
        public double? SpeedKmh { get; set; }
    }

    private sealed class HighwayEntry
    {
        [JsonPropertyName("car")]
        public bool Car { get; set; }

        [JsonPropertyName("walk")]
        public bool Walk { get; set; }

        [JsonPropertyName("cycle")]
        public bool Cycle { get; set; }

        [JsonPropertyName("carSpeedKmh")]
        public double? CarSpeedKmh { get; set; }

        [JsonPropertyName("carRealismFactor")]
        public double? CarRealismFactor { get; set; }

        [JsonPropertyName("walkSpeedKmh")]
        public double? WalkSpeedKmh { get; set; }

        [JsonPropertyName("cycleSpeedKmh")]
        public double? CycleSpeedKmh { get; set; }

        [JsonPropertyName("impliedOneway")]
        public bool? ImpliedOneway { get; set; }

        [JsonPropertyName("note")]
        public string? Note { get; set; }
    }
}

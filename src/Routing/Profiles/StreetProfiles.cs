using System.Reflection;
using System.Text.Json;
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

    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
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
            using var document = JsonDocument.Parse(json, JsonOptions);
            file = ProfileFile.Read(document.RootElement);
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is long l ? (int)l + 1 : (int?)null;
            throw new InputFileException(fileName, line, null, "invalid profile JSON: " + ex.Message.Split(" LineNumber:", 2)[0]);
        }
        catch (ProfileFieldException ex)
        {
            throw new InputFileException(fileName, null, ex.Field, ex.Message);
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

    /// <summary>A field of the profile file that is unknown or of the wrong type (Field: its path, e.g. walk.speedKmh).</summary>
    private sealed class ProfileFieldException(string field, string problem) : Exception(problem)
    {
        public string Field { get; } = field;
    }

    /// <summary>
    /// The profile file's fields, read from its JSON document by hand rather than by the serializer: every network load
    /// parses the stored profiles, and the serializer's generic metadata cost each command tens of milliseconds of JIT.
    /// Unknown fields are refused (typos are reported); a repeated field takes the last value.
    /// </summary>
    private sealed class ProfileFile
    {
        private const string UnknownField = "unknown field (the documented fields are in the default file: geo build-network --write-default-profiles profiles.json)";

        public ModeSpeed? Walk { get; private set; }
        public ModeSpeed? Cycle { get; private set; }
        public Dictionary<string, Dictionary<string, double>>? CarTimeBandFactors { get; private set; }
        public Dictionary<string, HighwayEntry>? Highways { get; private set; }

        public static ProfileFile? Read(JsonElement root)
        {
            if (root.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
            var file = new ProfileFile();
            foreach (var member in Members(root, null))
            {
                var path = member.Name;
                var value = member.Value;
                switch (member.Name)
                {
                    case "format":
                        Text(value, path);
                        break;
                    case "notes":
                        if (value.ValueKind != JsonValueKind.Null)
                        {
                            foreach (var note in Items(value, path))
                            {
                                Text(note, path + "[]");
                            }
                        }
                        break;
                    case "walk":
                        file.Walk = ModeSpeed.Read(value, path);
                        break;
                    case "cycle":
                        file.Cycle = ModeSpeed.Read(value, path);
                        break;
                    case "carTimeBandFactors":
                        file.CarTimeBandFactors = Map(value, path, (band, bandPath) =>
                            Map(band, bandPath, Number) ?? throw new ProfileFieldException(bandPath, "an object { ... } is required"));
                        break;
                    case "highways":
                        file.Highways = Map(value, path, (entry, entryPath) => HighwayEntry.Read(entry, entryPath));
                        break;
                    default:
                        throw new ProfileFieldException(path, UnknownField);
                }
            }
            return file;
        }

        /// <summary>The members of an object (path null = the root).</summary>
        public static JsonElement.ObjectEnumerator Members(JsonElement element, string? path) =>
            element.ValueKind == JsonValueKind.Object ? element.EnumerateObject() : throw new ProfileFieldException(path ?? "(root)", "an object { ... } is required");

        public static ProfileFieldException Unknown(string path) => new(path, UnknownField);

        private static JsonElement.ArrayEnumerator Items(JsonElement element, string path) =>
            element.ValueKind == JsonValueKind.Array ? element.EnumerateArray() : throw new ProfileFieldException(path, "a list [ ... ] is required");

        /// <summary>An object of named values; null stays null.</summary>
        private static Dictionary<string, T>? Map<T>(JsonElement element, string path, Func<JsonElement, string, T> read)
        {
            if (element.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
            var map = new Dictionary<string, T>(StringComparer.Ordinal);
            foreach (var member in Members(element, path))
            {
                map[member.Name] = read(member.Value, path + "." + member.Name);
            }
            return map;
        }

        public static void Text(JsonElement element, string path)
        {
            if (element.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                throw new ProfileFieldException(path, "a text value \"...\" is required");
            }
        }

        public static double Number(JsonElement element, string path) =>
            element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var value) ? value : throw new ProfileFieldException(path, "a number is required");

        public static double? OptionalNumber(JsonElement element, string path) =>
            element.ValueKind == JsonValueKind.Null ? null : Number(element, path);

        public static bool Boolean(JsonElement element, string path) => element.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new ProfileFieldException(path, "true or false is required"),
        };

        public static bool? OptionalBoolean(JsonElement element, string path) =>
            element.ValueKind == JsonValueKind.Null ? null : Boolean(element, path);
    }

    private sealed class ModeSpeed
    {
        public double? SpeedKmh { get; private set; }

        public static ModeSpeed? Read(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
            var speed = new ModeSpeed();
            foreach (var member in ProfileFile.Members(element, path))
            {
                var field = path + "." + member.Name;
                speed.SpeedKmh = member.Name == "speedKmh" ? ProfileFile.OptionalNumber(member.Value, field) : throw ProfileFile.Unknown(field);
            }
            return speed;
        }
    }

    private sealed class HighwayEntry
    {
        public bool Car { get; private set; }
        public bool Walk { get; private set; }
        public bool Cycle { get; private set; }
        public double? CarSpeedKmh { get; private set; }
        public double? CarRealismFactor { get; private set; }
        public double? WalkSpeedKmh { get; private set; }
        public double? CycleSpeedKmh { get; private set; }
        public bool? ImpliedOneway { get; private set; }

        public static HighwayEntry Read(JsonElement element, string path)
        {
            var entry = new HighwayEntry();
            foreach (var member in ProfileFile.Members(element, path))
            {
                var field = path + "." + member.Name;
                var value = member.Value;
                switch (member.Name)
                {
                    case "car":
                        entry.Car = ProfileFile.Boolean(value, field);
                        break;
                    case "walk":
                        entry.Walk = ProfileFile.Boolean(value, field);
                        break;
                    case "cycle":
                        entry.Cycle = ProfileFile.Boolean(value, field);
                        break;
                    case "carSpeedKmh":
                        entry.CarSpeedKmh = ProfileFile.OptionalNumber(value, field);
                        break;
                    case "carRealismFactor":
                        entry.CarRealismFactor = ProfileFile.OptionalNumber(value, field);
                        break;
                    case "walkSpeedKmh":
                        entry.WalkSpeedKmh = ProfileFile.OptionalNumber(value, field);
                        break;
                    case "cycleSpeedKmh":
                        entry.CycleSpeedKmh = ProfileFile.OptionalNumber(value, field);
                        break;
                    case "impliedOneway":
                        entry.ImpliedOneway = ProfileFile.OptionalBoolean(value, field);
                        break;
                    case "note":
                        ProfileFile.Text(value, field);
                        break;
                    default:
                        throw ProfileFile.Unknown(field);
                }
            }
            return entry;
        }
    }
}

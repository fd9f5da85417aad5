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
        try
        {
            using var document = JsonDocument.Parse(json, JsonOptions);
            return Read(document.RootElement, json);
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is long l ? (int)l + 1 : (int?)null;
            throw new InputFileException(fileName, line, null, "invalid profile JSON: " + ex.Message.Split(" LineNumber:", 2)[0]);
        }
        catch (FieldException ex)
        {
            throw new InputFileException(fileName, null, ex.Field, ex.Message);
        }
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

    /// <summary>
    /// Reads and checks the profile file in one pass over its JSON document (written out rather than through the
    /// serializer: every network load parses the stored profiles, and the serializer's generic metadata, even
    /// source-generated, is JIT-compiled at each start: +20-25 ms, benchmarks/README.md). Unknown fields are refused so
    /// typos are reported; a repeated field takes the last value (a repeated highway class or factor is checked each time).
    /// </summary>
    private static StreetProfiles Read(JsonElement root, string json)
    {
        if (root.ValueKind == JsonValueKind.Null)
        {
            throw new FieldException(null, "the profile file is empty");
        }
        var file = new JsonFields(root, null, "format", "notes", "walk", "cycle", "carTimeBandFactors", "highways");
        file.Text("format");
        if (file.Get("notes") is { } notes)
        {
            if (notes.ValueKind != JsonValueKind.Array)
            {
                throw new FieldException("notes", "a list [ ... ] is required");
            }
            foreach (var note in notes.EnumerateArray())
            {
                JsonFields.Text(note, "notes[]");
            }
        }
        var walk = RequirePositive("walk.speedKmh", ModeSpeed(file, "walk"));
        var cycle = RequirePositive("cycle.speedKmh", ModeSpeed(file, "cycle"));

        var highways = new HighwayProfile?[HighwayClasses.Count];
        var highwayCount = 0;
        foreach (var member in JsonFields.Members(file.Get("highways"), "highways"))
        {
            highwayCount++;
            var name = member.Name;
            var entry = new JsonFields(member.Value, "highways." + name,
                "car", "walk", "cycle", "carSpeedKmh", "carRealismFactor", "walkSpeedKmh", "cycleSpeedKmh", "impliedOneway", "note");
            entry.Text("note");
            if (!HighwayClasses.TryParse(name, out var highway))
            {
                throw new FieldException("highways." + name, "unknown highway class; valid classes: " + string.Join(", ", HighwayClasses.AllNames));
            }
            var realism = entry.Number("carRealismFactor") ?? 1.0;
            if (!(realism > 0 && realism <= 2))
            {
                throw new FieldException(entry.Path("carRealismFactor"), "must be in (0, 2]");
            }
            highways[(int)highway] = new HighwayProfile(
                entry.Flag("car", nullAllowed: false),
                entry.Flag("walk", nullAllowed: false),
                entry.Flag("cycle", nullAllowed: false),
                RequirePositive(entry.Path("carSpeedKmh"), entry.Number("carSpeedKmh")),
                realism,
                entry.Number("walkSpeedKmh") is { } walkSpeed ? RequirePositive(entry.Path("walkSpeedKmh"), walkSpeed) : walk,
                entry.Number("cycleSpeedKmh") is { } cycleSpeed ? RequirePositive(entry.Path("cycleSpeedKmh"), cycleSpeed) : cycle,
                entry.Flag("impliedOneway", nullAllowed: true));
        }
        if (highwayCount == 0)
        {
            throw new FieldException("highways", "at least one highway class is required");
        }

        var bandFactors = new double[TimeBands.All.Count * HighwayClasses.Count];
        Array.Fill(bandFactors, 1.0);
        foreach (var band in JsonFields.Members(file.Get("carTimeBandFactors"), "carTimeBandFactors"))
        {
            var bandPath = "carTimeBandFactors." + band.Name;
            var factors = JsonFields.Members(band.Value, bandPath);
            if (!TimeBands.TryParse(band.Name, out var timeBand))
            {
                throw new FieldException(bandPath, "unknown time band; valid bands: " + TimeBands.ValidNames);
            }
            var offset = (int)timeBand * HighwayClasses.Count;
            if (band.Value.TryGetProperty("default", out var all))
            {
                bandFactors.AsSpan(offset, HighwayClasses.Count).Fill(Factor(all, bandPath + ".default"));
            }
            foreach (var factor in factors)
            {
                if (factor.Name == "default")
                {
                    continue;
                }
                var field = bandPath + "." + factor.Name;
                if (!HighwayClasses.TryParse(factor.Name, out var highway))
                {
                    throw new FieldException(field, "unknown highway class");
                }
                bandFactors[offset + (int)highway] = Factor(factor.Value, field);
            }
        }
        return new StreetProfiles(json, walk, cycle, highways, bandFactors);
    }

    /// <summary>The speedKmh of the walk or cycle object, null when absent.</summary>
    private static double? ModeSpeed(JsonFields file, string mode) =>
        file.Get(mode) is { } element ? new JsonFields(element, mode, "speedKmh").Number("speedKmh") : null;

    private static double RequirePositive(string field, double? value) =>
        value is double v && v > 0 && !double.IsInfinity(v) ? v : throw new FieldException(field, "a positive speed in km/h is required");

    private static double Factor(JsonElement element, string field) =>
        JsonFields.Number(element, field) is var factor && factor > 0 && factor <= 2 ? factor : throw new FieldException(field, "a factor in (0, 2] is required");

    private static string ReadDefaultJson()
    {
        using var stream = typeof(StreetProfiles).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("Embedded resource " + ResourceName + " is missing from " + typeof(StreetProfiles).Assembly.GetName().Name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>A field of the profile file that is unknown, of the wrong type or out of range (Field: its path, e.g. walk.speedKmh).</summary>
    private sealed class FieldException(string? field, string problem) : Exception(problem)
    {
        public string? Field { get; } = field;
    }

    /// <summary>One object of the profile file: its members by name, checked against the documented names.</summary>
    private sealed class JsonFields
    {
        private const string UnknownField = "unknown field (the documented fields are in the default file: geo build-network --write-default-profiles profiles.json)";

        private static readonly JsonElement EmptyObject = JsonElement.Parse("{}");

        private readonly JsonElement _element;
        private readonly string? _path;

        /// <param name="path">The object's path in error messages, null for the root.</param>
        public JsonFields(JsonElement element, string? path, params string[] documented)
        {
            _element = element;
            _path = path;
            foreach (var member in Members(element, path ?? "(root)"))
            {
                if (Array.IndexOf(documented, member.Name) < 0)
                {
                    throw new FieldException(Path(member.Name), UnknownField);
                }
            }
        }

        public string Path(string name) => _path is null ? name : _path + "." + name;

        /// <summary>The member's value; null when absent or null.</summary>
        public JsonElement? Get(string name) =>
            _element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

        /// <summary>An optional number: null when absent or null.</summary>
        public double? Number(string name) => Get(name) is { } value ? Number(value, Path(name)) : null;

        /// <summary>true or false; false when absent (and when null, if <paramref name="nullAllowed"/>).</summary>
        public bool Flag(string name, bool nullAllowed) => _element.TryGetProperty(name, out var value) && value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null when nullAllowed => false,
            _ => throw new FieldException(Path(name), "true or false is required"),
        };

        /// <summary>An optional text, checked and not kept (format, notes).</summary>
        public void Text(string name)
        {
            if (Get(name) is { } value)
            {
                Text(value, Path(name));
            }
        }

        public static void Text(JsonElement element, string path)
        {
            if (element.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                throw new FieldException(path, "a text value \"...\" is required");
            }
        }

        public static double Number(JsonElement element, string path) =>
            element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var value) ? value : throw new FieldException(path, "a number is required");

        /// <summary>An object's members, none when <paramref name="element"/> is null (absent); a repeated name comes again and its last value stays.</summary>
        public static JsonElement.ObjectEnumerator Members(JsonElement? element, string path) =>
            (element ?? EmptyObject) is { ValueKind: JsonValueKind.Object } value ? value.EnumerateObject() : throw new FieldException(path, "an object { ... } is required");
    }
}

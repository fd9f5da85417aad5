using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Geo.Viewer.Results;

/// <summary>
/// A results folder written by <c>geo appraise</c>/<c>geo run</c>, read once. Each file that is missing or corrupt
/// becomes a <see cref="ResultsFileError"/> instead of an exception, so the viewer can show what is wrong.
/// </summary>
public sealed class ResultsFolder
{
    public const string SummaryFile = "summary.json";
    public const string ZonesFile = "zones.geojson";
    public const string SitesFile = "sites.geojson";
    public const string ZoneResultsFile = "zone_results.csv";
    public const string PlacementFile = "placement/placement.geojson";
    public const string AllocationFile = "placement/allocation.csv";
    public const string IsochroneFolder = "isochrones";
    public const string BasemapFile = "basemap.geojson";
    /// <summary>Points for the need maps (care homes, providers...), each with a <c>set</c> property naming its point set.</summary>
    public const string NeedPointsFile = "need_points.geojson";
    /// <summary>The need maps a run defines (density, points per zone, percentages); see Rendering.NeedMapSpec.</summary>
    public const string NeedMapsFile = "need_maps.json";
    /// <summary>Visits as zone-to-site lines with a <c>visits</c> count (where patients travel from).</summary>
    public const string FlowsFile = "flows.geojson";

    private static readonly byte[] EmptyCollection = Encoding.UTF8.GetBytes("{\"type\":\"FeatureCollection\",\"features\":[]}");
    private readonly List<ResultsFileError> _errors = [];

    private ResultsFolder(string root)
    {
        Root = root;
    }

    /// <summary>Full path of the folder.</summary>
    public string Root { get; }

    /// <summary>Problems found while loading, in file order.</summary>
    public IReadOnlyList<ResultsFileError> Errors => _errors;

    public string ScenarioName { get; private set; } = string.Empty;
    public IReadOnlyList<OptionInfo> Options { get; private set; } = [];
    public IReadOnlyList<string> Modes { get; private set; } = [];
    public IReadOnlyList<string> Services { get; private set; } = [];

    /// <summary>summary.json as written (null when missing or corrupt).</summary>
    public byte[]? SummaryJson { get; private set; }
    public byte[] ZonesGeoJson { get; private set; } = EmptyCollection;
    public IReadOnlyList<GeoFeature> Zones { get; private set; } = [];
    public byte[] SitesGeoJson { get; private set; } = EmptyCollection;
    public IReadOnlyList<GeoFeature> Sites { get; private set; } = [];
    /// <summary>
    /// placement/placement.geojson; when it has no zone-to-site LineStrings, lines are added from placement/allocation.csv
    /// (zone_id, site_id) between the zone's centre (vertex mean) and the site (property <c>derived</c> = true).
    /// </summary>
    public byte[] PlacementGeoJson { get; private set; } = EmptyCollection;
    /// <summary>All isochrones/*.geojson merged into one FeatureCollection; each feature gets a <c>source_file</c> property.</summary>
    public byte[] IsochronesGeoJson { get; private set; } = EmptyCollection;
    public byte[] BasemapGeoJson { get; private set; } = EmptyCollection;
    public IReadOnlyList<GeoFeature> BasemapRoads { get; private set; } = [];
    public ZoneResultTable? ZoneResults { get; private set; }
    public byte[] NeedPointsGeoJson { get; private set; } = EmptyCollection;
    public IReadOnlyList<GeoFeature> NeedPoints { get; private set; } = [];
    /// <summary>need_maps.json as written (null when absent).</summary>
    public byte[]? NeedMapsJson { get; private set; }
    public byte[] FlowsGeoJson { get; private set; } = EmptyCollection;
    public IReadOnlyList<GeoFeature> Flows { get; private set; } = [];

    /// <summary>Loads every results file; throws <see cref="DirectoryNotFoundException"/> only if the folder itself is absent.</summary>
    public static ResultsFolder Load(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        string root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException("results folder not found: " + root + " (run `geo appraise` or `geo run` first)");
        }

        var r = new ResultsFolder(root);
        r.LoadAll();
        return r;
    }

    public ResultsFileError? ErrorFor(string file) => _errors.Find(e => e.File == file);

    private void LoadAll()
    {
        LoadSummary();
        if (ReadRequired(ZonesFile) is { } zones && TryGeoJson(ZonesFile, zones, true) is { } zoneFeatures)
        {
            ZonesGeoJson = zones;
            Zones = zoneFeatures;
        }

        LoadZoneResults();
        if (ReadOptional(SitesFile) is { } sites && TryGeoJson(SitesFile, sites, false) is { } siteFeatures)
        {
            SitesGeoJson = sites;
            Sites = siteFeatures;
        }

        LoadPlacement();

        if (ReadOptional(BasemapFile) is { } basemap && TryGeoJson(BasemapFile, basemap, false) is { } roads)
        {
            BasemapGeoJson = basemap;
            BasemapRoads = roads;
        }

        LoadIsochrones();
        if (ReadOptional(NeedPointsFile) is { } needPoints && TryGeoJson(NeedPointsFile, needPoints, false) is { } points)
        {
            NeedPointsGeoJson = needPoints;
            NeedPoints = points;
        }

        NeedMapsJson = ReadOptional(NeedMapsFile);
        if (ReadOptional(FlowsFile) is { } flows && TryGeoJson(FlowsFile, flows, false) is { } lines)
        {
            FlowsGeoJson = flows;
            Flows = lines;
        }

        // Fall back on zone_results.csv for the lists when summary.json is unusable.
        if (ZoneResults is { } table)
        {
            if (Options.Count == 0)
            {
                Options = table.Options.Select(o => new OptionInfo(o, o)).ToArray();
            }

            if (Modes.Count == 0)
            {
                Modes = table.Modes;
            }

            if (Services.Count == 0)
            {
                Services = table.Services;
            }
        }
    }

    private void LoadSummary()
    {
        byte[]? bytes = ReadRequired(SummaryFile);
        if (bytes is null)
        {
            return;
        }

        try
        {
            using var doc = JsonDocument.Parse(bytes);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("expected a JSON object at the top level");
            }

            ScenarioName = root.TryGetProperty("scenario", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : string.Empty;
            var options = new List<OptionInfo>();
            if (root.TryGetProperty("options", out var opts))
            {
                if (opts.ValueKind != JsonValueKind.Array)
                {
                    throw new FormatException("field 'options' must be an array of {\"id\",\"name\"}");
                }

                foreach (var o in opts.EnumerateArray())
                {
                    string id = o.ValueKind == JsonValueKind.Object && o.TryGetProperty("id", out var idEl) ? idEl.ToString() : throw new FormatException("field 'options': every entry needs an 'id'");
                    string name = o.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : id;
                    options.Add(new OptionInfo(id, name));
                }
            }

            Options = options;
            Modes = StringArray(root, "modes");
            Services = StringArray(root, "services");
            SummaryJson = bytes;
        }
        catch (JsonException ex)
        {
            Add(SummaryFile, "not valid JSON at line " + ((ex.LineNumber ?? 0) + 1).ToString(CultureInfo.InvariantCulture)
                + ", byte " + ((ex.BytePositionInLine ?? 0) + 1).ToString(CultureInfo.InvariantCulture) + " (the file may be truncated or hand-edited; re-run `geo appraise`)", true);
        }
        catch (FormatException ex)
        {
            Add(SummaryFile, ex.Message, true);
        }
    }

    private static string[] StringArray(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var el))
        {
            return [];
        }

        if (el.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("field '" + name + "' must be an array of strings");
        }

        return el.EnumerateArray().Select(e => e.ToString()).ToArray();
    }

    private void LoadZoneResults()
    {
        string path = Path.Combine(Root, ZoneResultsFile);
        if (!File.Exists(path))
        {
            Add(ZoneResultsFile, "file not found in " + Root + " (run `geo appraise` or `geo run`)", true);
            return;
        }

        try
        {
            using var reader = new StreamReader(path, Encoding.UTF8);
            ZoneResults = ZoneResultTable.Parse(reader);
        }
        catch (FormatException ex)
        {
            Add(ZoneResultsFile, ex.Message, true);
        }
        catch (IOException ex)
        {
            Add(ZoneResultsFile, "cannot read: " + ex.Message, true);
        }
    }

    private void LoadPlacement()
    {
        if (ReadOptional(PlacementFile) is not { } placement || TryGeoJson(PlacementFile, placement, false) is not { } features)
        {
            return;
        }

        PlacementGeoJson = placement;
        if (features.Any(f => f.Kind == GeoGeometryKind.Line) || ReadOptional(AllocationFile) is not { } allocation)
        {
            return;
        }

        List<(int Line, string[] Fields)> rows;
        try
        {
            rows = CsvReader.ReadAll(new StringReader(Encoding.UTF8.GetString(allocation)));
        }
        catch (FormatException ex)
        {
            Add(AllocationFile, ex.Message, false);
            return;
        }

        if (rows.Count == 0)
        {
            return;
        }

        int cZone = Array.IndexOf(rows[0].Fields, "zone_id"), cSite = Array.IndexOf(rows[0].Fields, "site_id"), cMinutes = Array.IndexOf(rows[0].Fields, "minutes");
        if (cZone < 0 || cSite < 0)
        {
            Add(AllocationFile, "line 1: expected columns zone_id and site_id", false);
            return;
        }

        var sitePoints = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var f in Sites.Concat(features))
        {
            if (f.Kind == GeoGeometryKind.Point && f.Parts.Count > 0 && f.GetString("site_id") is { } id)
            {
                sitePoints[id] = f.Parts[0];
            }
        }

        var zoneCentres = ZoneCentres();

        var node = System.Text.Json.Nodes.JsonNode.Parse(placement)!;
        var array = node["features"]!.AsArray();
        for (int r = 1; r < rows.Count; r++)
        {
            var f = rows[r].Fields;
            if (f.Length <= Math.Max(cZone, cSite) || !zoneCentres.TryGetValue(f[cZone], out var a) || !sitePoints.TryGetValue(f[cSite], out var b))
            {
                continue;
            }

            var props = new System.Text.Json.Nodes.JsonObject { ["zone_id"] = f[cZone], ["site_id"] = f[cSite], ["derived"] = true };
            if (cMinutes >= 0 && f.Length > cMinutes && double.TryParse(f[cMinutes], NumberStyles.Float, CultureInfo.InvariantCulture, out double m))
            {
                props["minutes"] = m;
            }

            array.Add(new System.Text.Json.Nodes.JsonObject
            {
                ["type"] = "Feature",
                ["properties"] = props,
                ["geometry"] = new System.Text.Json.Nodes.JsonObject
                {
                    ["type"] = "LineString",
                    ["coordinates"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonArray(a[0], a[1]), new System.Text.Json.Nodes.JsonArray(b[0], b[1])),
                },
            });
        }

        PlacementGeoJson = Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    /// <summary>Each zone's centre by zone_id: the mean of its first ring's vertices (the point itself for point zones).</summary>
    public Dictionary<string, double[]> ZoneCentres()
    {
        var zoneCentres = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var z in Zones)
        {
            if (z.GetString("zone_id") is { } id && z.Parts.Count > 0)
            {
                double[] ring = z.Parts[0];
                double sx = 0, sy = 0;
                int n = ring.Length / 2;
                for (int i = 0; i < ring.Length; i += 2)
                {
                    sx += ring[i];
                    sy += ring[i + 1];
                }

                zoneCentres[id] = [sx / n, sy / n];
            }
        }

        return zoneCentres;
    }

    private void LoadIsochrones()
    {
        string dir = Path.Combine(Root, IsochroneFolder);
        if (!Directory.Exists(dir))
        {
            return;
        }

        var merged = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        bool first = true;
        foreach (string file in Directory.GetFiles(dir, "*.geojson").Order(StringComparer.Ordinal))
        {
            string rel = IsochroneFolder + "/" + Path.GetFileName(file);
            byte[]? bytes = ReadOptional(rel);
            if (bytes is null || TryGeoJson(rel, bytes, false) is null)
            {
                continue;
            }

            using var doc = JsonDocument.Parse(bytes);
            foreach (var f in doc.RootElement.GetProperty("features").EnumerateArray())
            {
                var node = System.Text.Json.Nodes.JsonNode.Parse(f.GetRawText())!.AsObject();
                if (node["properties"] is not System.Text.Json.Nodes.JsonObject props)
                {
                    props = [];
                    node["properties"] = props;
                }

                props["source_file"] = Path.GetFileName(file);
                if (!first)
                {
                    merged.Append(',');
                }

                merged.Append(node.ToJsonString());
                first = false;
            }
        }

        merged.Append("]}");
        IsochronesGeoJson = Encoding.UTF8.GetBytes(merged.ToString());
    }

    private List<GeoFeature>? TryGeoJson(string file, byte[] bytes, bool required)
    {
        try
        {
            return GeoJsonReader.ReadFeatureCollection(bytes);
        }
        catch (FormatException ex)
        {
            Add(file, ex.Message, required);
            return null;
        }
    }

    private byte[]? ReadRequired(string file)
    {
        string path = Path.Combine(Root, file);
        if (!File.Exists(path))
        {
            Add(file, "file not found in " + Root + " (run `geo appraise` or `geo run`)", true);
            return null;
        }

        return ReadBytes(file, path, true);
    }

    private byte[]? ReadOptional(string file)
    {
        string path = Path.Combine(Root, file);
        return File.Exists(path) ? ReadBytes(file, path, false) : null;
    }

    private byte[]? ReadBytes(string file, string path, bool required)
    {
        try
        {
            byte[] bytes = File.ReadAllBytes(path);
            if (bytes.Length == 0)
            {
                Add(file, "file is empty", required);
                return null;
            }

            return bytes;
        }
        catch (IOException ex)
        {
            Add(file, "cannot read: " + ex.Message, required);
            return null;
        }
        catch (UnauthorizedAccessException ex)
        {
            Add(file, "cannot read: " + ex.Message, required);
            return null;
        }
    }

    private void Add(string file, string problem, bool required) => _errors.Add(new ResultsFileError(file, problem, required));
}

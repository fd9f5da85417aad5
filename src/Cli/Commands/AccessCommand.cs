using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Geo.Catchment.Accessibility;
using Geo.Catchment.Allocation;
using Geo.Catchment.Inputs;
using Geo.Cli.Output;
using Geo.Core;
using Geo.Routing.Output;
using NetTopologySuite.Geometries;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Geo.Cli.Commands;

/// <summary>
/// <c>geo access</c>: accessibility indices per zone (cumulative opportunities, gravity, 2SFCA, E2SFCA) from a zone x site
/// travel-time matrix, the zones' demand and the sites' supply.
/// </summary>
public sealed class AccessCommand : Command<AccessCommand.Settings>
{
    public sealed class Settings : InputSettings
    {
        [CommandOption("--matrix <FILE>")]
        [Description("Zone x site matrix from 'geo matrix' (long CSV: origin_id, destination_id, minutes, ...; or a wide CSV). Required.")]
        public string? Matrix { get; init; }

        [CommandOption("--zones <CSV>")]
        [Description("Zones (demand): CSV with an id column and, for 2sfca/e2sfca, a demand column. Every zone must be an origin of the matrix. Required.")]
        public string? Zones { get; init; }

        [CommandOption("--zone-id <COLUMN>")]
        [Description("Zone id column. Default: detected (zone_id, id, LSOA21CD, code, name).")]
        public string? ZoneId { get; init; }

        [CommandOption("--demand <COLUMN>")]
        [Description("Zone demand column, e.g. population. Required for 2sfca and e2sfca.")]
        public string? Demand { get; init; }

        [CommandOption("--sites <CSV>")]
        [Description("Sites (supply): CSV with an id column and optionally a supply column. Every site must be a destination of the matrix. Required.")]
        public string? Sites { get; init; }

        [CommandOption("--site-id <COLUMN>")]
        [Description("Site id column. Default: detected (site_id, id, OrganisationCode, OrganisationID, code, name).")]
        public string? SiteId { get; init; }

        [CommandOption("--supply <COLUMN>")]
        [Description("Site supply column, e.g. gp_fte. Default: 1 per site (the indices then count sites).")]
        public string? Supply { get; init; }

        [CommandOption("--index <LIST>")]
        [Description("Comma-separated: cumulative, gravity, 2sfca, e2sfca. Default: cumulative,gravity, plus 2sfca,e2sfca when --demand is given.")]
        public string? Index { get; init; }

        [CommandOption("--threshold <MINUTES>")]
        [Description("Catchment of cumulative and 2sfca: sites within this many minutes (<=). Default: 30.")]
        public double Threshold { get; init; } = 30;

        [CommandOption("--decay <SPEC>")]
        [Description("Distance decay of gravity and e2sfca: step:30, linear:30, exp:0.05[:cutoff], gauss:15[:cutoff], logistic:20:5[:cutoff] or bands:10=1,20=0.68,30=0.22 (minutes). Default: gauss:15:60.")]
        public string Decay { get; init; } = "gauss:15:60";

        [CommandOption("--out <FILE>")]
        [Description("Output .csv, .parquet or .gpkg (GeoPackage layer 'access' for QGIS, EPSG:4326): zone_id, demand (when given), one column per index (empty/null when the zone was not routed), status (ok, unsnapped, no_route). Written atomically. Required.")]
        public string? Out { get; init; }

        [CommandOption("--boundaries <FILE>")]
        [Description("For a .gpkg output: zone polygons (GeoJSON or GeoPackage, WGS84 or British National Grid) with the zone id in property --boundary-id. Default: each zone's point from the lon/lat (or longitude/latitude) columns of --zones.")]
        public string? Boundaries { get; init; }

        [CommandOption("--boundary-id <PROPERTY>")]
        [Description("Zone id property of --boundaries. Default: zone_id.")]
        public string BoundaryId { get; init; } = "zone_id";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var matrixPath = settings.Matrix ?? throw new UsageException("--matrix <FILE> is required.");
        var zonesPath = settings.Zones ?? throw new UsageException("--zones <CSV> is required.");
        var sitesPath = settings.Sites ?? throw new UsageException("--sites <CSV> is required.");
        var outPath = settings.Out ?? throw new UsageException("--out <FILE> is required (.csv or .parquet).");
        var geoPackage = Path.GetExtension(outPath).Equals(".gpkg", StringComparison.OrdinalIgnoreCase);
        if (!geoPackage && MatrixFiles.CheckExtension(outPath) is not null)
        {
            throw new UsageException($"output '{outPath}' must end in .csv, .parquet or .gpkg");
        }
        if (!geoPackage && settings.Boundaries is not null)
        {
            throw new UsageException("--boundaries goes with a GeoPackage output (--out access.gpkg).");
        }
        if (!(settings.Threshold > 0))
        {
            throw new UsageException("--threshold must be a positive number of minutes.");
        }
        DecayFunction decay;
        try
        {
            decay = DecayFunction.Parse(settings.Decay);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException("--decay: " + ex.Message);
        }
        var indices = (settings.Index ?? (settings.Demand is null ? "cumulative,gravity" : "cumulative,gravity,2sfca,e2sfca"))
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(i => i.ToLowerInvariant()).Distinct().ToArray();
        foreach (var index in indices)
        {
            if (!ZoneAccessibility.IndexNames.Contains(index))
            {
                throw new UsageException($"unknown --index '{index}'; valid: {string.Join(", ", ZoneAccessibility.IndexNames)}.");
            }
            if (ZoneAccessibility.NeedsDemand(index) && settings.Demand is null)
            {
                throw new UsageException($"--index {index} needs --demand <COLUMN> (e.g. population).");
            }
        }

        var clock = Stopwatch.StartNew();
        var raw = PlacementInputs.ReadMatrix(matrixPath, "matrix", input: settings.Input);
        var zones = CsvTable.Read(zonesPath, input: settings.Input);
        var zoneIdColumn = zones.RequireAny("zone id", settings.ZoneId, "zone_id", "id", "LSOA21CD", "lsoa21_code", "code", "name");
        var demandColumn = settings.Demand is null ? -1 : zones.Require(settings.Demand, "demand");
        var sites = CsvTable.Read(sitesPath, input: settings.Input);
        var siteIdColumn = sites.RequireAny("site id", settings.SiteId, "site_id", "id", "OrganisationCode", "OrganisationID", "code", "name");
        var supplyColumn = settings.Supply is null ? -1 : sites.Require(settings.Supply, "supply");

        var zoneRows = Align(zones, zoneIdColumn, raw.OriginIds, "origin");
        var siteRows = Align(sites, siteIdColumn, raw.DestinationIds, "destination");
        // Zones and sites in the matrix's own order (a matrix made from these files): use its array, no second copy.
        var inOrder = IsIdentity(zoneRows, raw.OriginCount) && IsIdentity(siteRows, raw.DestinationCount);
        var minutes = inOrder ? raw.Minutes : new double[zoneRows.Length * siteRows.Length];
        for (var z = 0; z < zoneRows.Length && !inOrder; z++)
        {
            for (var s = 0; s < siteRows.Length; s++)
            {
                minutes[(z * siteRows.Length) + s] = raw.MinutesAt(zoneRows[z], siteRows[s]);
            }
        }
        var zoneIds = Enumerable.Range(0, zones.Count).Select(r => zones.Cell(r, zoneIdColumn)).ToArray();
        var matrix = new TravelMatrix(raw.Mode, zoneIds, Enumerable.Range(0, sites.Count).Select(r => sites.Cell(r, siteIdColumn)).ToArray(), minutes)
        {
            UnsnappedOrigins = raw.UnsnappedOrigins is null ? null : [.. zoneRows.Select(o => raw.UnsnappedOrigins[o])],
        };
        var demand = demandColumn < 0 ? null : Enumerable.Range(0, zones.Count).Select(r => NonNegative(zones, r, demandColumn)).ToArray();
        var supply = Enumerable.Range(0, sites.Count).Select(r => supplyColumn < 0 ? 1 : NonNegative(sites, r, supplyColumn)).ToArray();

        var columns = ZoneAccessibility.Compute(matrix, demand, supply, indices, settings.Threshold, decay);
        var status = ZoneAccessibility.Status(matrix);
        if (geoPackage)
        {
            AccessGeoPackageWriter.Write(outPath, zoneIds, ZoneGeometries(zones, zoneIdColumn, settings), demand, columns, status);
        }
        else
        {
            AccessFileWriter.Write(outPath, zoneIds, demand, columns, status);
        }

        var table = new Table().Title($"accessibility → {Markup.Escape(outPath)}");
        table.AddColumn("Index");
        table.AddColumn("Parameters");
        table.AddColumn(new TableColumn("Mean").RightAligned());
        table.AddColumn(new TableColumn("Min").RightAligned());
        table.AddColumn(new TableColumn("Max").RightAligned());
        foreach (var column in columns)
        {
            var values = column.Values.Where(v => !double.IsNaN(v)).DefaultIfEmpty(double.NaN).ToArray();
            var parameters = column.Name is ZoneAccessibility.Cumulative or ZoneAccessibility.TwoStep
                ? $"<= {settings.Threshold.ToString(CultureInfo.InvariantCulture)} min" : settings.Decay;
            table.AddRow(column.Name, Markup.Escape(parameters), Format(values.Average()), Format(values.Min()), Format(values.Max()));
        }
        table.Caption($"{zones.Count:N0} zones ({status.Count(s => s != "ok"):N0} not routed), {sites.Count:N0} sites; {clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
        ConsoleTables.Write(table);
        InputIssuesReport.Print(settings.Input.Issues, InputIssuesReport.WriteBeside(settings.Input.Issues, outPath));
        return ExitCodes.Ok;
    }

    /// <summary>Each zone's polygon from --boundaries, else its point from the zones file; a zone with neither is an input error.</summary>
    private static Geometry[] ZoneGeometries(CsvTable zones, int idColumn, Settings settings)
    {
        var boundaries = settings.Boundaries is null ? null : ZoneBoundaries.Read(settings.Boundaries, settings.BoundaryId);
        var lon = zones.FindAny("lon", "longitude", "x");
        var lat = zones.FindAny("lat", "latitude", "y");
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        var result = new Geometry[zones.Count];
        for (var r = 0; r < zones.Count; r++)
        {
            var id = zones.Cell(r, idColumn);
            if (boundaries is not null && boundaries.TryGetValue(id, out var polygon))
            {
                result[r] = polygon;
            }
            else if (lon >= 0 && lat >= 0)
            {
                result[r] = factory.CreatePoint(new Coordinate(zones.Number(r, lon), zones.Number(r, lat)));
            }
            else
            {
                throw new InputFileException(settings.Boundaries ?? zones.FilePath, boundaries is null ? 1 : null, boundaries is null ? "lon" : settings.BoundaryId,
                    boundaries is null ? "a GeoPackage output needs zone geometry: give --boundaries <GeoJSON|GPKG> or lon/lat columns in --zones"
                        : $"zone '{id}' has no polygon in the boundaries and --zones has no lon/lat columns");
            }
        }
        return result;
    }

    private static string Format(double value) => double.IsNaN(value) ? "-" : value.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>For each row of the file, its index among the matrix ids; an id missing from the matrix is an input error.</summary>
    private static bool IsIdentity(int[] rows, int count)
    {
        if (rows.Length != count)
        {
            return false;
        }
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i] != i)
            {
                return false;
            }
        }
        return true;
    }

    private static int[] Align(CsvTable table, int idColumn, IReadOnlyList<string> matrixIds, string role)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < matrixIds.Count; i++)
        {
            index.TryAdd(matrixIds[i], i);
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = new int[table.Count];
        for (var r = 0; r < table.Count; r++)
        {
            var id = table.Cell(r, idColumn);
            if (!seen.Add(id))
            {
                throw new InputFileException(table.FilePath, table.Lines[r], table.Header[idColumn], $"id '{id}' is repeated");
            }
            rows[r] = index.TryGetValue(id, out var i) ? i
                : throw new InputFileException(table.FilePath, table.Lines[r], table.Header[idColumn], $"'{id}' is not an {role} of the matrix");
        }
        return rows;
    }

    private static double NonNegative(CsvTable table, int row, int column)
    {
        var value = table.Number(row, column);
        return value >= 0 ? value : throw new InputFileException(table.FilePath, table.Lines[row], table.Header[column], $"{value} is negative");
    }
}

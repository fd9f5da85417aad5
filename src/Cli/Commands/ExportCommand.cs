using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Geo.Cli.Output;
using Geo.Core;
using Geo.Postgis;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Geo.Cli.Commands;

/// <summary>
/// <c>geo export --postgres</c>: a results folder into PostGIS for QGIS (zones and sites with geometry, zone results,
/// providers, matrices), all in one transaction. Unreachable database or refused write: exit 4; unreadable connection string: exit 2.
/// </summary>
public sealed class ExportCommand : Command<ExportCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--results <FOLDER>")]
        [Description("Results folder written by `geo run` (zones.geojson, sites.geojson, zone_results.csv, providers.csv, matrices/*.csv, placement/, and access*.csv or access/*.csv from `geo access` when you put them there). Default: results")]
        public string Results { get; init; } = "results";

        [CommandOption("--postgres <CONNECTION>")]
        [Description("PostgreSQL database with PostGIS: \"Host=127.0.0.1;Port=5432;Username=me;Password=...;Database=gis\" or postgresql://me:...@127.0.0.1:5432/gis. The password may be left out and kept in ~/.pgpass or PGPASSWORD instead. Required.")]
        public string? Postgres { get; init; }

        [CommandOption("--schema <NAME>")]
        [Description("Schema to write (created if missing). Tables: zones, sites, zone_results, providers, matrix_<mode>, placement_sites, placement_allocation, placement_map, access_<name> (from access*.csv), view zone_results_map. A re-export replaces geo's earlier tables in this schema in one transaction; other tables are never touched. Default: geo")]
        public string Schema { get; init; } = ExportSql.DefaultSchema;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Export(PostgresTarget.Parse(settings.Postgres), ExportSql.CheckSchema(settings.Schema), settings.Results);
        return ExitCodes.Ok;
    }

    /// <summary>Exports a results folder in one transaction and prints the tables written (geo export, geo run --postgres).</summary>
    internal static void Export(PostgresTarget target, string schema, string results)
    {
        var clock = Stopwatch.StartNew();
        var table = new Table().Title($"PostGIS export → {Markup.Escape(target.Description)}, schema {schema}");
        table.AddColumn("Table");
        table.AddColumn("From");
        table.AddColumn(new TableColumn("Rows").RightAligned());
        table.AddColumn("Geometry");
        var tables = PostgisExporter.Export(target, schema, results,
            t => AnsiConsole.MarkupLineInterpolated($"[grey]{t.Table}: {t.Rows:N0} rows[/]"));
        foreach (var t in tables)
        {
            var geometry = t.GeometryType is null ? "" : $"{t.GeometryType}, 4326" + (t.InvalidGeometries > 0 ? $" ({t.InvalidGeometries} invalid)" : "");
            table.AddRow(Markup.Escape($"{schema}.{t.Table}"), Markup.Escape(t.Source), t.Rows.ToString("N0", CultureInfo.InvariantCulture), Markup.Escape(geometry));
        }
        table.Caption($"one transaction, {clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s; in QGIS: Layer > Add Layer > Add PostGIS Layers, schema {schema}");
        ConsoleTables.Write(table);
    }
}

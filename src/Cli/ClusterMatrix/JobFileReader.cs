using System.Globalization;
using System.Text.Json;
using Geo.Cli.Commands;
using Geo.Cluster.Jobs;
using Geo.Core;
using Geo.Routing.Profiles;
using Geo.Routing.Streets;

namespace Geo.Cli.ClusterMatrix;

/// <summary>
/// Reads a cluster job file (JSON, snake_case) and checks it: required fields, mode, time band, transit window and
/// percentiles (the same rules as <c>geo matrix</c>). Every problem names the file and the field (exit 3).
/// </summary>
public static class JobFileReader
{
    public const string Example = """
        {
          "id": "england-lsoa-gp-car",
          "network": "england.geonet",
          "mode": "car",
          "origins": "lsoa21_pwc.csv",
          "destinations": "gp.csv",
          "destination_id": "OrganisationID",
          "shard_origins": 500,
          "output": "/shared/matrices/england-lsoa-gp-car"
        }
        """;

    public static MatrixJobSpec Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputFileException(path, null, null, "job file not found");
        }
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new InputFileException(path, (int?)ex.LineNumber + 1, null, "not valid JSON: " + ex.Message);
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InputFileException(path, null, null, "must be a JSON object, e.g. " + Example.ReplaceLineEndings(" "));
        }
        var mode = Required(root, path, "mode", "car, walk, cycle or transit");
        var transit = JobSettings.IsTransit(mode);
        if (!transit && !TravelModes.TryParse(mode, out _))
        {
            throw new InputFileException(path, null, "mode", $"unknown mode '{mode}'; valid modes: {MatrixCommand.ValidModes}");
        }
        var t = root.TryGetProperty("transit", out var transitElement) && transitElement.ValueKind == JsonValueKind.Object ? transitElement : default;
        var output = Required(root, path, "output", "the output folder shared by all silos");
        var spec = new MatrixJobSpec
        {
            JobId = JobId(root, path),
            Mode = transit ? "transit" : mode.ToLowerInvariant() == "bike" ? "cycle" : mode.ToLowerInvariant(),
            Network = Required(root, path, "network", "the .geonet file, relative to each silo's --data folder"),
            Origins = Required(root, path, "origins", "the origin points file, relative to --data"),
            Destinations = Required(root, path, "destinations", "the destination points file, relative to --data"),
            OriginIdColumn = Optional(root, "origin_id"),
            DestinationIdColumn = Optional(root, "destination_id"),
            TimeBand = Optional(root, "time_band") ?? "off_peak",
            MaxSnapMetres = Number(root, path, "max_snap_metres") ?? 1000,
            MaxMinutes = Number(root, path, "max_minutes"),
            ShardOrigins = (int)(Number(root, path, "shard_origins") ?? 500),
            LeaseSeconds = (int)(Number(root, path, "lease_seconds") ?? 60),
            OutputFolder = Path.GetFullPath(output),
            Gtfs = transit ? Strings(t, path, "transit.gtfs") : [],
            Date = transit ? Required(t, path, "transit.date", "the service date YYYY-MM-DD") : null,
            Window = transit ? Optional(t, "window") : null,
            ArriveBy = transit ? Optional(t, "arrive_by") : null,
            Percentiles = Percentiles(root, path),
            MaxRides = transit ? (int)(Number(t, path, "max_rides") ?? 4) : 4,
            MaxWalkMinutes = transit ? Number(t, path, "max_walk_minutes") ?? 20 : 20,
        };
        if (spec.ShardOrigins is < 1 or > 1_000_000)
        {
            throw new InputFileException(path, null, "shard_origins", "must be between 1 and 1000000");
        }
        if (spec.LeaseSeconds is < 2 or > 86_400)
        {
            throw new InputFileException(path, null, "lease_seconds", "must be between 2 and 86400");
        }
        if (!transit && !TimeBands.TryParse(spec.TimeBand, out _))
        {
            throw new InputFileException(path, null, "time_band", $"unknown time band '{spec.TimeBand}'; valid bands: {TimeBands.ValidNames}");
        }
        if (transit)
        {
            try
            {
                var settings = JobSettings.ToMatrixSettings(spec, ".");
                MatrixCommand.ParseWindow(settings);
                MatrixCommand.ParsePercentiles(settings.Percentiles);
                if (!DateOnly.TryParseExact(spec.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    throw new UsageException($"date '{spec.Date}' must be YYYY-MM-DD");
                }
            }
            catch (UsageException ex)
            {
                throw new InputFileException(path, null, "transit", ex.Message.Replace("--", string.Empty, StringComparison.Ordinal));
            }
        }
        return spec;
    }

    private static string JobId(JsonElement root, string path)
    {
        var id = Required(root, path, "id", "a name for the job, e.g. england-lsoa-gp-car");
        if (id.Length > 100 || id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            throw new InputFileException(path, null, "id", "use at most 100 letters, digits, '-', '_' or '.'");
        }
        return id;
    }

    private static string Required(JsonElement element, string path, string field, string what)
    {
        var name = field[(field.LastIndexOf('.') + 1)..];
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw new InputFileException(path, null, field, $"required field missing ({what})");
        }
        return value.GetString()!;
    }

    private static string? Optional(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonElement element, string path, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.Number ? value.GetDouble() : throw new InputFileException(path, null, name, "must be a number");
    }

    private static string[] Strings(JsonElement element, string path, string field)
    {
        var name = field[(field.LastIndexOf('.') + 1)..];
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            throw new InputFileException(path, null, field, "required field missing (GTFS zip files, relative to --data)");
        }
        var list = value.ValueKind == JsonValueKind.String ? [value.GetString()!]
            : value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(v => v.GetString() ?? string.Empty).ToArray() : [];
        return list.Length == 0 || list.Any(string.IsNullOrWhiteSpace)
            ? throw new InputFileException(path, null, field, "must list one or more GTFS zip files")
            : list;
    }

    private static string Percentiles(JsonElement root, string path)
    {
        if (!root.TryGetProperty("percentiles", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return "25,50,75";
        }
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Array => string.Join(',', value.EnumerateArray().Select(v => v.ToString())),
            _ => throw new InputFileException(path, null, "percentiles", "must be a list such as [25, 50, 75]"),
        };
    }
}

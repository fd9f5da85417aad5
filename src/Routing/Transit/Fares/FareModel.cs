using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Geo.Core;

namespace Geo.Routing.Transit.Fares;

/// <summary>
/// A simple, documented fare model (see the embedded fares.default.json): flat or per-km fare per ride by agency / route type,
/// free or discounted transfers within a time window, and a daily cap. England defaults are assumptions to be edited.
/// </summary>
public sealed partial class FareModel
{
    private const string ResourceName = "Geo.Routing.Transit.Fares.fares.default.json";
    private static readonly Lazy<string> DefaultText = new(ReadDefault);
    private static readonly Lazy<FareModel> DefaultModel = new(() => Parse(DefaultText.Value, "fares.default.json (embedded)"));

    public required string Currency { get; init; }
    public required IReadOnlyList<FareRule> Rules { get; init; }
    public int TransferWindowMinutes { get; init; }
    public decimal TransferDiscountFraction { get; init; }
    public int MaxDiscountedTransfers { get; init; }
    public bool TransferSameRuleOnly { get; init; } = true;
    public decimal? DailyCap { get; init; }

    public static FareModel Default => DefaultModel.Value;

    /// <summary>The text of the embedded default model, to copy and edit.</summary>
    public static string DefaultJson => DefaultText.Value;

    public static FareModel Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new InputFileException(path, null, null, "fare model file not found.");
        }
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Total fare of a journey's rides in boarding order.</summary>
    public decimal JourneyFare(ReadOnlySpan<FareRide> rides)
    {
        decimal total = 0;
        var lastFullStart = int.MinValue;
        var lastFullRule = -1;
        var discounted = 0;
        foreach (var ride in rides)
        {
            var rule = -1;
            for (var i = 0; i < Rules.Count; i++)
            {
                if (Rules[i].Matches(ride.AgencyId, ride.RouteType))
                {
                    rule = i;
                    break;
                }
            }
            if (rule < 0)
            {
                continue; // no rule: free
            }
            var fare = Rules[rule].RideFare(ride.Kilometres);
            var inWindow = lastFullRule >= 0 && ride.BoardSeconds - lastFullStart <= TransferWindowMinutes * 60
                && (!TransferSameRuleOnly || rule == lastFullRule) && discounted < MaxDiscountedTransfers;
            if (inWindow)
            {
                total += fare * (1 - TransferDiscountFraction);
                discounted++;
            }
            else
            {
                total += fare;
                lastFullStart = ride.BoardSeconds;
                lastFullRule = rule;
                discounted = 0;
            }
        }
        return DailyCap is { } cap ? Math.Min(total, cap) : total;
    }

    public static FareModel Parse(string json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        FileDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(json, FileJson.Default.FileDto);
        }
        catch (JsonException e)
        {
            throw new InputFileException(fileName, e.LineNumber is { } l ? (int)l + 1 : null, e.Path, "not a valid fare model: " + e.Message);
        }
        if (dto is null || dto.Rules is null || dto.Rules.Count == 0)
        {
            throw new InputFileException(fileName, null, "rules", "at least one fare rule is required.");
        }
        var rules = new List<FareRule>();
        for (var i = 0; i < dto.Rules.Count; i++)
        {
            var r = dto.Rules[i];
            var field = string.Create(CultureInfo.InvariantCulture, $"rules[{i}]");
            if (r.FlatFare < 0 || r.PerKm < 0 || r.MinimumFare < 0 || r.MaximumFare < 0)
            {
                throw new InputFileException(fileName, null, field, "fares must not be negative.");
            }
            rules.Add(new FareRule(r.Name ?? field, r.RouteTypes ?? [], r.AgencyIds ?? [], r.FlatFare, r.PerKm, r.MinimumFare, r.MaximumFare));
        }
        var t = dto.Transfer ?? new TransferDto();
        if (t.DiscountFraction is < 0 or > 1)
        {
            throw new InputFileException(fileName, null, "transfer.discountFraction", "must be between 0 and 1.");
        }
        return new FareModel
        {
            Currency = dto.Currency ?? "GBP",
            Rules = rules,
            TransferWindowMinutes = Math.Max(0, t.WindowMinutes),
            TransferDiscountFraction = t.DiscountFraction,
            MaxDiscountedTransfers = Math.Max(0, t.MaxDiscountedTransfers),
            TransferSameRuleOnly = t.SameRuleOnly,
            DailyCap = dto.DailyCap,
        };
    }

    private static string ReadDefault()
    {
        using var stream = typeof(FareModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("Embedded resource " + ResourceName + " is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The file's reader, generated at build time: reflection-based reading emitted and compiled accessors at every transit command's start (a few hundredths of a second).</summary>
    [JsonSourceGenerationOptions(ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
    [JsonSerializable(typeof(FileDto))]
    private sealed partial class FileJson : JsonSerializerContext;

    private sealed class FileDto
    {
        [JsonPropertyName("format")]
        public string? Format { get; set; }

        [JsonPropertyName("currency")]
        public string? Currency { get; set; }

        [JsonPropertyName("rules")]
        public List<RuleDto>? Rules { get; set; }

        [JsonPropertyName("transfer")]
        public TransferDto? Transfer { get; set; }

        [JsonPropertyName("dailyCap")]
        public decimal? DailyCap { get; set; }
    }

    private sealed class RuleDto
    {
        [JsonPropertyName("name")]
        public string? Name { get; set; }

        [JsonPropertyName("routeTypes")]
        public List<int>? RouteTypes { get; set; }

        [JsonPropertyName("agencyIds")]
        public List<string>? AgencyIds { get; set; }

        [JsonPropertyName("flatFare")]
        public decimal FlatFare { get; set; }

        [JsonPropertyName("perKm")]
        public decimal PerKm { get; set; }

        [JsonPropertyName("minimumFare")]
        public decimal MinimumFare { get; set; }

        [JsonPropertyName("maximumFare")]
        public decimal? MaximumFare { get; set; }
    }

    private sealed class TransferDto
    {
        [JsonPropertyName("windowMinutes")]
        public int WindowMinutes { get; set; }

        [JsonPropertyName("discountFraction")]
        public decimal DiscountFraction { get; set; }

        [JsonPropertyName("maxDiscountedTransfers")]
        public int MaxDiscountedTransfers { get; set; }

        [JsonPropertyName("sameRuleOnly")]
        public bool SameRuleOnly { get; set; } = true;
    }
}

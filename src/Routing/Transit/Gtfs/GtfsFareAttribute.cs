namespace Geo.Routing.Transit.Gtfs;

/// <summary>One fare_attributes.txt row (kept for information; fares are computed from the JSON fare model).</summary>
public sealed record GtfsFareAttribute(string FareId, decimal Price, string Currency, int? Transfers, int? TransferDurationSeconds);

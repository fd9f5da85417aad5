namespace Geo.Routing.Transit.Gtfs;

/// <summary>One transfers.txt row between stop indices. TransferType 3 = not possible; MinTransferSeconds is 0 when absent.</summary>
public sealed record GtfsTransfer(int FromStop, int ToStop, int TransferType, int MinTransferSeconds);

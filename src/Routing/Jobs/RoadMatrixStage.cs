using Geo.Core;
using Geo.Routing.Matrices;
using Geo.Routing.Output;
using Geo.Routing.Streets;

namespace Geo.Routing.Jobs;

/// <summary>
/// Car, walk or cycle rows of a <see cref="MatrixJob"/>: <see cref="RoadMatrixRows"/> (snaps, contraction hierarchy
/// cached beside the network, the destinations' bucket table) turned into <see cref="MatrixBatch"/>es: minutes and km
/// of the fastest route; status origin_unsnapped, destination_unsnapped, unreachable or ok, in that order.
/// </summary>
public sealed class RoadMatrixStage : IMatrixStage
{
    private readonly RoadMatrixRows _rows;

    public RoadMatrixStage(MatrixJob job, StreetNetwork network, PhaseTimer? timer = null, Action<string>? stage = null)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(network);
        var road = job.Road;
        _rows = new RoadMatrixRows(network, job.Mode.ToTravelMode(), Points(job.Origins), Points(job.Destinations), new RoadMatrixOptions
        {
            Band = road.Band,
            Overrides = road.Overrides,
            OverridesKey = road.OverridesKey,
            MaxSnapMetres = job.MaxSnapMetres,
            MaxDurationMs = road.MaxDurationMs,
            OffNetworkLegs = road.OffNetworkLegs,
            Threads = job.Threads,
            NetworkPath = job.NetworkPath,
            Contraction = road.Contraction,
            Stage = name =>
            {
                timer?.Start(name switch
                {
                    "snapping" => "snap",
                    "contracting" => "contract",
                    "targets" => "route",
                    _ => "load",
                });
                stage?.Invoke(name);
            },
        });
        Layout = new MatrixLayout(Ids(job.Origins), Ids(job.Destinations))
        {
            OriginSnapMetres = SnapMetres(_rows.OriginSnaps),
            DestinationSnapMetres = SnapMetres(_rows.DestinationSnaps),
            HasKilometres = true,
        };
    }

    public MatrixLayout Layout { get; }

    public SnapResult[] OriginSnaps => _rows.OriginSnaps;
    public SnapResult[] DestinationSnaps => _rows.DestinationSnaps;
    public bool HierarchyFromCache => _rows.HierarchyFromCache;

    public MatrixBatch ComputeRows(int start, int end)
    {
        var matrix = _rows.Compute(start, end);
        var destinations = _rows.DestinationCount;
        var batch = new MatrixBatch(start, end - start, destinations, kilometres: true, extraColumns: 0);
        var km = batch.Kilometres!;
        for (var i = 0; i < batch.OriginCount; i++)
        {
            var originOk = _rows.OriginSnaps[start + i].IsOk;
            for (var d = 0; d < destinations; d++)
            {
                var pair = (i * destinations) + d;
                var ms = matrix.DurationMs[pair];
                var mm = matrix.LengthMm[pair];
                var minutes = ms == TravelTime.Unreached ? double.NaN : ms / 60_000.0;
                batch.Minutes[pair] = minutes;
                km[pair] = mm == TravelTime.Unreached ? double.NaN : mm / 1_000_000.0;
                batch.Status[pair] = !originOk ? PairStatus.OriginUnsnapped
                    : !_rows.DestinationSnaps[d].IsOk ? PairStatus.DestinationUnsnapped
                    : double.IsNaN(minutes) ? PairStatus.Unreachable
                    : PairStatus.Ok;
            }
        }
        return batch;
    }

    internal static Geometry.GeoPoint[] Points(IReadOnlyList<MatrixPoint> points)
    {
        var result = new Geometry.GeoPoint[points.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = points[i].Point;
        }
        return result;
    }

    internal static string[] Ids(IReadOnlyList<MatrixPoint> points)
    {
        var result = new string[points.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = points[i].Id;
        }
        return result;
    }

    internal static double[] SnapMetres(SnapResult[] snaps) =>
        Array.ConvertAll(snaps, s => double.IsFinite(s.DistanceMetres) ? s.DistanceMetres : double.NaN);
}

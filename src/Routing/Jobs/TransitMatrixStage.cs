using System.Globalization;
using Geo.Core;
using Geo.Routing.Matrices;
using Geo.Routing.Multimodal;
using Geo.Routing.Output;
using Geo.Routing.Streets;
using Geo.Routing.Transit.Gtfs;
using Geo.Routing.Transit.Timetable;

namespace Geo.Routing.Jobs;

/// <summary>
/// Walk + public transport rows of a <see cref="MatrixJob"/>: GTFS -> timetable for the date -> stops linked to the walk
/// network (unless the job brings a linked <see cref="TransitNetwork"/>) -> <see cref="TransitMatrixRows"/>, turned into
/// <see cref="MatrixBatch"/>es. Minutes is the median (or, without a 50th percentile, the median journey's total); extra
/// columns p&lt;N&gt;, access_walk_min, wait_min, in_vehicle_min, transfer_walk_min, egress_walk_min, boardings,
/// interchanges, fare_gbp (the median journey's; empty without a fare model). The status follows the median.
/// </summary>
public sealed class TransitMatrixStage : IMatrixStage
{
    /// <summary>The extra columns after the percentiles, in output order.</summary>
    public static readonly string[] BreakdownColumns = ["access_walk_min", "wait_min", "in_vehicle_min", "transfer_walk_min", "egress_walk_min", "boardings", "interchanges", "fare_gbp"];

    private readonly TransitMatrixRows _rows;
    private readonly int _medianIndex;
    private readonly ParallelOptions _parallel;
    private readonly int _percentiles;

    public TransitMatrixStage(MatrixJob job, StreetNetwork streets, PhaseTimer? timer = null, Action<string>? stage = null)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(streets);
        var options = job.Transit ?? throw new ArgumentException("A transit matrix job needs Transit options.", nameof(job));
        Issues = new IssueLog();
        if (options.Network is { } linked)
        {
            Network = linked;
        }
        else
        {
            Network = Link(streets, options.Gtfs, options.Date, Issues, stage, timer);
        }
        timer?.Start("snap");
        stage?.Invoke("snapping and egress walks");
        _rows = new TransitMatrixRows(Network, new TransitMatrixRequest
        {
            Origins = RoadMatrixStage.Points(job.Origins),
            Destinations = RoadMatrixStage.Points(job.Destinations),
            WindowStartSeconds = options.Window.StartSeconds,
            WindowMinutes = options.Window.Minutes,
            ArriveBySeconds = options.Window.ArriveBySeconds,
            Percentiles = options.Percentiles,
            MaxRides = options.MaxRides,
            MaxWalkMinutes = options.MaxWalkMinutes,
            MaxTripMinutes = options.MaxTripMinutes,
            MaxSnapMetres = job.MaxSnapMetres,
            JourneyDetails = options.JourneyDetails,
            Fares = options.Fares,
            Threads = job.Threads == 0 ? null : job.Threads,
        });
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = job.Threads > 0 ? job.Threads : Environment.ProcessorCount };
        _percentiles = options.Percentiles.Count;
        _medianIndex = options.Percentiles.ToList().IndexOf(50);
        var extra = new List<MatrixColumnSpec>();
        foreach (var p in options.Percentiles)
        {
            extra.Add(new MatrixColumnSpec("p" + p.ToString(CultureInfo.InvariantCulture)));
        }
        foreach (var name in BreakdownColumns)
        {
            extra.Add(new MatrixColumnSpec(name, name is "boardings" or "interchanges" ? 0 : 2));
        }
        Layout = new MatrixLayout(RoadMatrixStage.Ids(job.Origins), RoadMatrixStage.Ids(job.Destinations))
        {
            OriginSnapMetres = RoadMatrixStage.SnapMetres(_rows.OriginSnaps),
            DestinationSnapMetres = RoadMatrixStage.SnapMetres(_rows.DestinationSnaps),
            ExtraColumns = extra,
        };
    }

    /// <summary>
    /// GTFS feeds -> the timetable of <paramref name="date"/> -> stops linked to the walk network: what a transit job needs
    /// before routing, built once by a server or silo and passed in <see cref="TransitOptions.Network"/>.
    /// </summary>
    /// <remarks>Phases on <paramref name="timer"/>: gtfs (reading), timetable, link (stops to streets, street transfers).</remarks>
    public static TransitNetwork Link(StreetNetwork streets, IReadOnlyList<string> gtfs, DateOnly date, IssueLog issues, Action<string>? stage = null,
        PhaseTimer? timer = null)
    {
        ArgumentNullException.ThrowIfNull(gtfs);
        timer?.Start("gtfs");
        stage?.Invoke("reading GTFS");
        var feed = GtfsReader.Read([.. gtfs.Select(g => new GtfsSource(g))], issues, date); // that day's trips only
        timer?.Start("timetable");
        stage?.Invoke(string.Create(CultureInfo.InvariantCulture, $"timetable for {date:yyyy-MM-dd}"));
        var timetable = TimetableBuilder.Build(feed, date, issues);
        timer?.Start("link");
        stage?.Invoke("linking stops to streets");
        var network = TransitNetwork.Build(streets, timetable);
        network.RequireLinkedStops(issues, string.Join(", ", gtfs));
        return network;
    }

    public MatrixLayout Layout { get; }

    public SnapResult[] OriginSnaps => _rows.OriginSnaps;
    public SnapResult[] DestinationSnaps => _rows.DestinationSnaps;

    /// <summary>The linked timetable used (for summaries: trips on the date, stops linked).</summary>
    public TransitNetwork Network { get; }

    /// <summary>GTFS rows skipped or repaired while reading (empty when the job brought a linked network).</summary>
    public IssueLog Issues { get; }

    /// <summary>Called with the number of origins finished within the current batch (from worker threads).</summary>
    public IProgress<int>? Progress { get; set; }

    public MatrixBatch ComputeRows(int start, int end)
    {
        var r = _rows.Compute(start, end, Progress);
        var batch = new MatrixBatch(start, end - start, r.DestinationCount, kilometres: false, Layout.ExtraColumns.Count);
        // row by row in parallel: the next batch's routing waits for these columns
        Parallel.For(0, end - start, _parallel, row => CopyRow(r, batch, row * r.DestinationCount, (row + 1) * r.DestinationCount));
        return batch;
    }

    private void CopyRow(TransitMatrixResult r, MatrixBatch batch, int firstPair, int endPair)
    {
        var pairs = r.PairCount;
        var breakdown = _percentiles;
        for (var i = firstPair; i < endPair; i++)
        {
            var ok = r.Status[i] == PairStatus.Ok;
            var minutes = ok ? (_medianIndex >= 0 ? r.Minutes[(_medianIndex * pairs) + i] : MedianFromBreakdown(r, i)) : double.NaN;
            batch.Minutes[i] = minutes;
            batch.Status[i] = ok && double.IsNaN(minutes) ? PairStatus.Unreachable : r.Status[i];
            for (var p = 0; p < _percentiles; p++)
            {
                batch.Extra[p][i] = r.Minutes[(p * pairs) + i];
            }
            batch.Extra[breakdown][i] = r.AccessWalkMinutes[i];
            batch.Extra[breakdown + 1][i] = r.WaitMinutes[i];
            batch.Extra[breakdown + 2][i] = r.InVehicleMinutes[i];
            batch.Extra[breakdown + 3][i] = r.TransferWalkMinutes[i];
            batch.Extra[breakdown + 4][i] = r.EgressWalkMinutes[i];
            batch.Extra[breakdown + 5][i] = r.Boardings[i] < 0 ? double.NaN : r.Boardings[i];
            batch.Extra[breakdown + 6][i] = r.Boardings[i] < 0 ? double.NaN : r.Interchanges(i);
            batch.Extra[breakdown + 7][i] = r.Fares[i];
        }
    }

    private static double MedianFromBreakdown(TransitMatrixResult r, int i)
        => (double)r.AccessWalkMinutes[i] + r.WaitMinutes[i] + r.InVehicleMinutes[i] + r.TransferWalkMinutes[i] + r.EgressWalkMinutes[i];
}

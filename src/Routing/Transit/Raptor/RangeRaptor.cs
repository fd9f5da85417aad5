using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Geo.Core;
using Geo.Routing.Search;
using Geo.Routing.Transit.Gtfs;
using Geo.Routing.Transit.Timetable;

namespace Geo.Routing.Transit.Raptor;

/// <summary>
/// RAPTOR (Delling et al.) in r5's layout, one instance per worker thread. Round k holds labels for journeys with at most k rides
/// (rounds 2 and up start from the previous round's improved labels, r5's min-merge, which prunes worse later-round arrivals;
/// round 1 does not take round 0's access labels, which only round 1 boards from, see <see cref="RunDeparture"/>):
/// <c>_arrival[k]</c> (at the stop, by vehicle or walk), <c>_ready[k]</c> (ready to board there: vehicle arrival + the stop's minimum
/// change time, or walk arrival) and <c>_vehicle[k]</c> (alighted there), with back pointers. Marked stops are ulong bitsets.
/// Journeys are read from the labels as found in each round (<c>_foundReady</c>, <c>_foundVehicle</c>: set only where round k
/// itself improved the stop, with the back pointers), whose minimum over rounds 1..k is the merged label; only they are
/// logged for <see cref="RollBackTo"/>, so the min-merge's copies (half of all label writes) are not.
/// Range RAPTOR: call <see cref="Reset"/> once, then <see cref="RunDeparture"/> for departure minutes from latest to earliest;
/// labels from later departures remain valid upper bounds, so each minute only re-propagates improvements (r5's scheme).
/// </summary>
public sealed class RangeRaptor
{
    private const int None = -1;

    private readonly Timetable.Timetable _tt;
    private readonly TransferTable _transfers;
    private readonly StopDepartures _departures;
    private readonly int _stops;
    private readonly int[][] _arrival;
    private readonly int[][] _ready;
    private readonly int[][] _vehicle;
    private readonly int[][] _boardStop;
    private readonly int[][] _boardTrip;
    private readonly int[][] _readyFrom;
    /// <summary>Per round, the ready time round k itself set at the stop (access walk at round 0, alighting or a footpath after), unmerged: what journeys read.</summary>
    private readonly int[][] _foundReady;
    /// <summary>Per round, the vehicle arrival round k itself set at the stop, unmerged: what journeys read.</summary>
    private readonly int[][] _foundVehicle;
    /// <summary>Stops whose found labels the current round of this step has logged already (a subset of the touched stops, cleared with them).</summary>
    private readonly ulong[] _loggedBits;
    /// <summary>Per round, a stop's ready label before the current step first changed it (valid for stops touched this step).</summary>
    private readonly int[][] _readyAtStepStart;
    /// <summary>Per round, where a stop's ready label stands in its departures (<see cref="StopDepartures.MarkPatternsBack"/>); -1 until the stop is first marked for the origin.</summary>
    private readonly int[][] _departureCursor;
    /// <summary>
    /// Earliest vehicle arrival over all rounds so far, kept up to date within a step (finds the improved stops); at a
    /// step's end it equals the last round's vehicle label and the lowest found vehicle label, as which
    /// <see cref="RollBackTo"/> restores it.
    /// </summary>
    private readonly int[] _bestVehicle;
    /// <summary>Access walk seconds behind each stop's round-0 label (its departure may be a later range step's; the same at every step of a sweep).</summary>
    private readonly int[] _accessSeconds;
    private readonly ulong[] _marked;
    private readonly ulong[] _patternMarked;
    private readonly ulong[] _improvedBits;
    /// <summary>Positions of the footpaths that would lower their target's ready time (<see cref="ImprovingEdges"/>), one stop's at a time.</summary>
    private readonly int[] _footpathsFound;
    private readonly int[] _improved;
    private int _improvedCount;
    private readonly int[] _roundVehicleImproved;
    private int _roundVehicleImprovedCount;
    private readonly ulong[] _roundVehicleBits;
    private int[] _touchedPrev;
    private int[] _touchedCur;
    private int _touchedPrevCount;
    private int _touchedCurCount;
    private ulong[] _touchedPrevBits;
    private ulong[] _touchedCurBits;
    /// <summary>Round whose labels the current pass writes (the round <see cref="Touch"/> records for), and its label arrays.</summary>
    private int _round;
    private int[] _roundReady = [];
    private int[] _roundReadyAtStepStart = [];
    private int[] _roundBoardStop = [];
    private int[] _roundBoardTrip = [];
    private int[] _roundReadyFrom = [];
    private int[] _roundFoundReady = [];
    private int[] _roundFoundVehicle = [];
    private bool _recording;
    /// <summary>
    /// Whether the current step logs: a recorded step after the first. Nothing is rolled back to before the end of the
    /// first step, so its writes need no log (about 3% of a Porto Alegre sweep's entries).
    /// </summary>
    private bool _logging;
    /// <summary>
    /// Undo logs: per (round, stop) whose found labels a step first changes, their values before the step, in one of two
    /// logs: a ride's (key, found ready, found vehicle and the back pointers; the transfers that follow in its round set
    /// the ready labels too) or, for a stop only a walk reached, the ready log's (key, found ready, ready-from), half the
    /// size: about half the entries, whose writing and reading back were a tenth of the sweep. The merged labels are
    /// not logged (journeys read only found labels), nor are walk arrivals and access walks (fixed for a sweep).
    /// </summary>
    private readonly EntryLog _rideLog = new(6);
    private readonly EntryLog _walkLog = new(3);
    /// <summary>Both logs' lengths at the end of each recorded step, in step order.</summary>
    private readonly List<(int Ride, int Walk)> _stepEnds = [];
    private readonly bool _walkAfterLastRide;
    /// <summary>Bits of an undo-log key holding the round (below the stop).</summary>
    private readonly int _roundBits;

    /// <param name="walkAfterLastRide">
    /// False skips the footpaths after the last round's rides: they only lower that round's walk arrivals
    /// (<see cref="EarliestArrival(int)"/>), never a vehicle arrival, a journey or a later boarding, so the matrix sweeps,
    /// which egress from vehicle arrivals, save that work.
    /// </param>
    public RangeRaptor(Timetable.Timetable timetable, TransferTable transfers, int maxRides, bool walkAfterLastRide = true)
    {
        ArgumentNullException.ThrowIfNull(timetable);
        ArgumentNullException.ThrowIfNull(transfers);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRides, 1);
        if (transfers.StopCount != timetable.StopCount)
        {
            throw new ArgumentException("Transfer table and timetable have different stop counts.", nameof(transfers));
        }
        _tt = timetable;
        _transfers = transfers;
        _departures = timetable.StopDepartures;
        _stops = timetable.StopCount;
        MaxRides = maxRides;
        _roundBits = 32 - BitOperations.LeadingZeroCount((uint)maxRides);
        if (((long)_stops << _roundBits) > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(maxRides), maxRides, $"{_stops} stops x {maxRides} rides is too many for the undo log's keys.");
        }
        _walkAfterLastRide = walkAfterLastRide;
        _arrival = NewRounds();
        _ready = NewRounds();
        _vehicle = NewRounds();
        _boardStop = NewRounds();
        _boardTrip = NewRounds();
        _readyFrom = NewRounds();
        _foundReady = NewRounds();
        _foundVehicle = NewRounds();
        _readyAtStepStart = NewRounds();
        _departureCursor = NewRounds();
        _bestVehicle = new int[_stops];
        _accessSeconds = new int[_stops];
        var words = (_stops + 63) >> 6;
        _marked = new ulong[words];
        _improvedBits = new ulong[words];
        _roundVehicleBits = new ulong[words];
        _loggedBits = new ulong[words];
        _patternMarked = new ulong[(timetable.PatternCount + 63) >> 6];
        _improved = new int[_stops];
        _footpathsFound = ImprovingEdges.BufferFor(transfers.FirstTransfer);
        _roundVehicleImproved = new int[_stops];
        _touchedPrev = new int[_stops];
        _touchedCur = new int[_stops];
        _touchedPrevBits = new ulong[words];
        _touchedCurBits = new ulong[words];
        Reset();
    }

    public int MaxRides { get; }

    private int[][] NewRounds()
    {
        var a = new int[MaxRidesPlusOne()][];
        for (var k = 0; k < a.Length; k++)
        {
            a[k] = new int[_stops];
        }
        return a;
    }

    private int MaxRidesPlusOne() => MaxRides + 1;

    /// <summary>
    /// Forget all labels (start of a new origin, or of a single query). With <paramref name="record"/>, the following
    /// steps log the labels they overwrite, so <see cref="RollBackTo"/> can later restore the state at the end of any of
    /// them (the breakdown reads each pair's median journey from the sweep's own state at its minute, with no replay).
    /// </summary>
    public void Reset(bool record = false)
    {
        _recording = record;
        _rideLog.Count = 0;
        _walkLog.Count = 0;
        _stepEnds.Clear();
        for (var k = 0; k <= MaxRides; k++)
        {
            Array.Fill(_arrival[k], TravelTime.Unreached);
            Array.Fill(_ready[k], TravelTime.Unreached);
            Array.Fill(_vehicle[k], TravelTime.Unreached);
            Array.Fill(_foundReady[k], TravelTime.Unreached);
            Array.Fill(_foundVehicle[k], TravelTime.Unreached);
            Array.Fill(_departureCursor[k], -1);
        }
        Array.Fill(_bestVehicle, TravelTime.Unreached);
        Array.Clear(_improvedBits);
        _improvedCount = 0;
        Array.Clear(_touchedCurBits);
        Array.Clear(_touchedPrevBits);
        Array.Clear(_loggedBits);
        _touchedCurCount = 0;
        _touchedPrevCount = 0;
    }

    /// <summary>Steps (<see cref="RunDeparture"/> calls) recorded since <see cref="Reset"/> with recording on, still held.</summary>
    public int RecordedSteps => _stepEnds.Count;

    /// <summary>
    /// Restores the labels journeys are read from (vehicle and ready labels by round, back pointers, and so
    /// <see cref="BestVehicleArrival"/> and <see cref="TryGetJourney"/>) to their values at the end of recorded step
    /// <paramref name="step"/> (0 = the first <see cref="RunDeparture"/> after <see cref="Reset"/>), undoing the later steps,
    /// latest first. Only to read journeys: steps can only be rolled further back, and <see cref="RunDeparture"/> needs a
    /// <see cref="Reset"/> first. Walk arrivals (<see cref="EarliestArrival(int)"/>) and <see cref="ImprovedVehicleStops"/>
    /// are not restored.
    /// </summary>
    public void RollBackTo(int step)
    {
        if (!_recording || (uint)step >= (uint)_stepEnds.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, $"Not a recorded step (0..{_stepEnds.Count - 1}).");
        }
        var roundMask = (1 << _roundBits) - 1;
        // step by step, latest first (a field may be in both logs, from different steps; within a step a (round, stop)
        // is in one); keys hold valid (round, stop) pairs and entries lie inside the logs: no bounds checks here
        for (var later = _stepEnds.Count - 1; later > step; later--)
        {
            var (rideStart, walkStart) = _stepEnds[later - 1];
            var (rideEnd, walkEnd) = _stepEnds[later];
            for (var i = rideEnd - _rideLog.Width; i >= rideStart; i -= _rideLog.Width)
            {
                ref var entry = ref At(_rideLog.Items, i);
                var s = entry >> _roundBits;
                var k = entry & roundMask;
                At(At(_foundReady, k), s) = Unsafe.Add(ref entry, 1);
                At(At(_foundVehicle, k), s) = Unsafe.Add(ref entry, 2);
                At(At(_boardStop, k), s) = Unsafe.Add(ref entry, 3);
                At(At(_boardTrip, k), s) = Unsafe.Add(ref entry, 4);
                At(At(_readyFrom, k), s) = Unsafe.Add(ref entry, 5);
                // the best over rounds, as it was (the last restore of a stop sees all its rounds restored)
                At(_bestVehicle, s) = Lowest(_foundVehicle, s, 1, MaxRides);
            }
            for (var i = walkEnd - _walkLog.Width; i >= walkStart; i -= _walkLog.Width)
            {
                ref var entry = ref At(_walkLog.Items, i);
                var s = entry >> _roundBits;
                var k = entry & roundMask;
                At(At(_foundReady, k), s) = Unsafe.Add(ref entry, 1);
                At(At(_readyFrom, k), s) = Unsafe.Add(ref entry, 2);
            }
        }
        (_rideLog.Count, _walkLog.Count) = _stepEnds[step];
        _stepEnds.RemoveRange(step + 1, _stepEnds.Count - step - 1);
        _improvedCount = 0;
    }

    /// <summary>Stops whose earliest vehicle arrival (<see cref="BestVehicleArrival"/>) improved during the last <see cref="RunDeparture"/>.</summary>
    public ReadOnlySpan<int> ImprovedVehicleStops => _improved.AsSpan(0, _improvedCount);

    /// <summary>Earliest arrival at the stop by vehicle over all rounds (TravelTime.Unreached if none); also after <see cref="RollBackTo"/>.</summary>
    public int BestVehicleArrival(int stop) => _bestVehicle[stop];

    /// <summary>The labels of round <paramref name="round"/> at the stop that journeys are read from (tests compare them after <see cref="RollBackTo"/>).</summary>
    internal (int Ready, int Vehicle, int BoardStop, int BoardTrip, int ReadyFrom) JourneyLabels(int stop, int round)
        => (_foundReady[round][stop], _foundVehicle[round][stop], _boardStop[round][stop], _boardTrip[round][stop], _readyFrom[round][stop]);

    /// <summary>Earliest arrival at the stop (by vehicle, walk transfer, or access at round 0) over all rounds.</summary>
    public int EarliestArrival(int stop) => Lowest(_arrival, stop, 0, MaxRides);

    /// <summary>Earliest arrival at the stop using at most <paramref name="rides"/> vehicles.</summary>
    public int EarliestArrival(int stop, int rides) => Lowest(_arrival, stop, 0, Math.Min(rides, MaxRides));

    /// <summary>The lowest of a stop's labels over rounds <paramref name="fromRound"/>..<paramref name="toRound"/>, with no branch per round (<see cref="LowestFound"/> also names the round).</summary>
    private static int Lowest(int[][] labels, int stop, int fromRound, int toRound)
    {
        var best = TravelTime.Unreached;
        for (var k = fromRound; k <= toRound; k++)
        {
            best = Math.Min(best, labels[k][stop]);
        }
        return best;
    }

    /// <summary>Single query: reset, then run one departure.</summary>
    public void Run(int departureSeconds, ReadOnlySpan<StopAccess> access, int maxArrivalSeconds = TravelTime.Unreached)
    {
        Reset();
        RunDeparture(departureSeconds, access, maxArrivalSeconds);
    }

    /// <summary>
    /// One range-RAPTOR step: departure at <paramref name="departureSeconds"/> (must not be later than the previous step's),
    /// reaching the access stops after their walk times. Arrivals later than <paramref name="maxArrivalSeconds"/> are pruned.
    /// </summary>
    public void RunDeparture(int departureSeconds, ReadOnlySpan<StopAccess> access, int maxArrivalSeconds = TravelTime.Unreached)
    {
        // clear the previous step's improved list
        for (var i = 0; i < _improvedCount; i++)
        {
            _improvedBits[_improved[i] >> 6] = 0;
        }
        _improvedCount = 0;
        Array.Clear(_marked);
        _logging = _recording && _stepEnds.Count > 0;

        ClearBits(_loggedBits, _touchedCur, _touchedCurCount);
        ClearTouched(ref _touchedCurBits, _touchedCur, ref _touchedCurCount);
        SetRound(0);
        var a0 = _arrival[0];
        var r0 = _ready[0];
        foreach (var acc in access)
        {
            var t = departureSeconds + acc.DurationSeconds;
            if (t <= maxArrivalSeconds && t < r0[acc.Stop])
            {
                Touch(acc.Stop);
                Log(acc.Stop, ride: false);
                r0[acc.Stop] = t;
                _foundReady[0][acc.Stop] = t;
                a0[acc.Stop] = Math.Min(a0[acc.Stop], t);
                _readyFrom[0][acc.Stop] = None;
                _accessSeconds[acc.Stop] = acc.DurationSeconds;
                _marked[acc.Stop >> 6] |= 1UL << acc.Stop;
            }
        }

        var scanning = true;
        for (var k = 1; k <= MaxRides; k++)
        {
            // the labels changed in round k-1 become the starting labels of round k (at most k rides includes k-1), except
            // the access walks of round 0: only round 1 boards from them (a later round boarding there would catch the
            // trips round 1 caught, whose arrivals reach every round through the vehicle labels), and copying them each
            // minute into every round was a tenth of the labels the sweep wrote and logged
            (_touchedPrev, _touchedCur) = (_touchedCur, _touchedPrev);
            (_touchedPrevBits, _touchedCurBits) = (_touchedCurBits, _touchedPrevBits);
            // the counts swap with their lists: clearing the reused list with the other list's count left stale bits,
            // so a stop touched again was not listed and the next round's min-merge missed it
            (_touchedPrevCount, _touchedCurCount) = (_touchedCurCount, _touchedPrevCount);
            ClearTouched(ref _touchedCurBits, _touchedCur, ref _touchedCurCount);
            ClearBits(_loggedBits, _touchedPrev, _touchedPrevCount); // round k-1's logged stops are among its touched ones
            SetRound(k);
            if (k > 1)
            {
                MinMerge(k);
            }
            if (scanning && ScanPatterns(k, maxArrivalSeconds))
            {
                ApplyTransfers(k, maxArrivalSeconds, footpaths: k < MaxRides || _walkAfterLastRide);
            }
            else
            {
                scanning = false; // nothing marked: keep merging so later rounds stay <= earlier ones
                Array.Clear(_marked);
            }
        }
        if (_recording)
        {
            _stepEnds.Add((_rideLog.Count, _walkLog.Count));
        }
    }

    private static void ClearTouched(ref ulong[] bits, int[] list, ref int count)
    {
        ClearBits(bits, list, count);
        count = 0;
    }

    private static void ClearBits(ulong[] bits, int[] list, int count)
    {
        for (var i = 0; i < count; i++)
        {
            bits[list[i] >> 6] = 0;
        }
    }

    /// <summary>Lists stop <paramref name="s"/> as changed in the current round (the next round's min-merge reads the list) and keeps its ready label from before the step; called before its labels are written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Touch(int s)
    {
        ref var word = ref At(_touchedCurBits, s >> 6);
        if ((word & (1UL << s)) == 0)
        {
            word |= 1UL << s;
            At(_touchedCur, _touchedCurCount++) = s;
            At(_roundReadyAtStepStart, s) = At(_roundReady, s);
        }
    }

    /// <summary>
    /// Before the current round's found labels or back pointers of stop <paramref name="s"/> change (after <see cref="Touch"/>):
    /// logs their old values, once per round and step, when recording: all of them when a ride reached the stop, the
    /// ready label and its back pointer when a walk did (in a round, rides are scanned before the walks that follow).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Log(int s, bool ride)
    {
        if (!_logging)
        {
            return;
        }
        ref var word = ref At(_loggedBits, s >> 6);
        if ((word & (1UL << s)) == 0)
        {
            word |= 1UL << s;
            if (ride)
            {
                RecordRide(s);
            }
            else
            {
                RecordWalk(s);
            }
        }
    }

    /// <summary>
    /// Element <paramref name="i"/> of <paramref name="a"/> without a bounds check, for the scan and transfer loops, whose
    /// indexes come from the timetable's own CSR arrays (stops &lt; StopCount, positions inside their pattern).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref T At<T>(T[] a, int i) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(a), (nint)(uint)i);

    /// <summary>Logs the current round's found labels and back pointers of stop <paramref name="s"/> (their first change in this round of this step).</summary>
    private void RecordRide(int s)
    {
        ref var entry = ref _rideLog.Append();
        entry = (s << _roundBits) | _round;
        Unsafe.Add(ref entry, 1) = At(_roundFoundReady, s);
        Unsafe.Add(ref entry, 2) = At(_roundFoundVehicle, s);
        Unsafe.Add(ref entry, 3) = At(_roundBoardStop, s);
        Unsafe.Add(ref entry, 4) = At(_roundBoardTrip, s);
        Unsafe.Add(ref entry, 5) = At(_roundReadyFrom, s);
    }

    /// <summary>Logs the current round's found ready label of stop <paramref name="s"/> and its back pointer (their first change in this round of this step).</summary>
    private void RecordWalk(int s)
    {
        ref var entry = ref _walkLog.Append();
        entry = (s << _roundBits) | _round;
        Unsafe.Add(ref entry, 1) = At(_roundFoundReady, s);
        Unsafe.Add(ref entry, 2) = At(_roundReadyFrom, s);
    }

    /// <summary>An undo log of fixed-width entries (the key first), grown as needed and cut back by <see cref="RollBackTo"/>.</summary>
    private sealed class EntryLog(int width)
    {
        public int Width { get; } = width;

        public int[] Items { get; private set; } = [];

        /// <summary>Ints in use.</summary>
        public int Count { get; set; }

        /// <summary>Room for one more entry: a reference to its first int.</summary>
        public ref int Append()
        {
            if (Count + Width > Items.Length)
            {
                var grown = Items;
                Array.Resize(ref grown, Math.Max(1 << 16, Items.Length * 2));
                Items = grown;
            }
            ref var entry = ref At(Items, Count);
            Count += Width;
            return ref entry;
        }
    }

    /// <summary>Makes round <paramref name="k"/> the one <see cref="Touch"/> and <see cref="Log"/> read and log (its arrays held in fields: the hot paths skip the per-round lookups).</summary>
    private void SetRound(int k)
    {
        _round = k;
        _roundReady = _ready[k];
        _roundReadyAtStepStart = _readyAtStepStart[k];
        _roundBoardStop = _boardStop[k];
        _roundBoardTrip = _boardTrip[k];
        _roundReadyFrom = _readyFrom[k];
        _roundFoundReady = _foundReady[k];
        _roundFoundVehicle = _foundVehicle[k];
    }

    private void MinMerge(int k)
    {
        var ready = _ready[k];
        var arrival = _arrival[k];
        var vehicle = _vehicle[k];
        var prevReady = _ready[k - 1];
        var prevArrival = _arrival[k - 1];
        var prevVehicle = _vehicle[k - 1];
        for (var i = 0; i < _touchedPrevCount; i++)
        {
            var s = _touchedPrev[i];
            if (prevReady[s] < ready[s] || prevArrival[s] < arrival[s] || prevVehicle[s] < vehicle[s])
            {
                Touch(s);
                ready[s] = Math.Min(ready[s], prevReady[s]);
                arrival[s] = Math.Min(arrival[s], prevArrival[s]);
                vehicle[s] = Math.Min(vehicle[s], prevVehicle[s]);
            }
        }
    }

    /// <summary>
    /// Marks the patterns that can board an earlier trip at a stop marked in round k-1 and scans them; returns false when
    /// none. A stop's ready time fell this step from its value at the step's start; only a pattern leaving the stop in
    /// between catches a new trip. The others board the trip they boarded from the old ready time, whose arrivals the
    /// labels already hold (labels only fall, and a round's vehicle labels never exceed the previous round's), so scanning
    /// them changes nothing.
    /// </summary>
    private bool ScanPatterns(int k, int maxArrival)
    {
        var any = false;
        Array.Clear(_patternMarked);
        var spo = _tt.StopPatternOffsets;
        var sp = _tt.StopPatterns;
        var ready = _ready[k - 1];
        var readyAtStart = _readyAtStepStart[k - 1];
        var cursors = _departureCursor[k - 1];
        var patternMarked = _patternMarked;
        for (var w = 0; w < _marked.Length; w++)
        {
            var bits = _marked[w];
            while (bits != 0)
            {
                var s = (w << 6) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                ref var cursor = ref cursors[s];
                if (cursor < 0)
                {
                    // first marking of this origin: every pattern through the stop, and where its departures stand
                    for (var i = spo[s]; i < spo[s + 1]; i++)
                    {
                        var p = sp[i];
                        patternMarked[p >> 6] |= 1UL << p;
                    }
                    any |= spo[s + 1] > spo[s];
                    cursor = _departures.FirstAtOrAfter(s, ready[s]);
                    continue;
                }
                any |= _departures.MarkPatternsBack(s, ready[s], readyAtStart[s], ref cursor, patternMarked);
            }
        }
        return any && ScanMarkedPatterns(k, maxArrival);
    }

    /// <summary>Scans the patterns in <see cref="_patternMarked"/>, boarding at the stops marked in round k-1; returns true.</summary>
    private bool ScanMarkedPatterns(int k, int maxArrival)
    {
        var prevReady = _ready[k - 1];
        var vehicle = _vehicle[k];
        var foundVehicle = _foundVehicle[k];
        var boardStopK = _boardStop[k];
        var boardTripK = _boardTrip[k];
        var pso = _tt.PatternStopOffsets;
        var ps = _tt.PatternStops;
        var flags = _tt.PatternStopFlags;
        var pto = _tt.PatternTripOffsets;
        var pTime = _tt.PatternTimeOffsets;
        var arrivals = _tt.Arrivals;
        var departures = _tt.DeparturesByPosition;
        var marked = _marked;
        var roundBits = _roundVehicleBits;
        var roundImproved = _roundVehicleImproved;
        var roundCount = 0;
        var patternMarked = _patternMarked;

        for (var w = 0; w < patternMarked.Length; w++)
        {
            var bits = patternMarked[w];
            while (bits != 0)
            {
                var p = (w << 6) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                var first = pso[p];
                var n = pso[p + 1] - first;
                var stops = ps.AsSpan(first, n);
                var stopFlags = flags.AsSpan(first, n);
                var nTrips = pto[p + 1] - pto[p];
                var tripBase = pto[p];
                var timeBase = pTime[p];
                var pos = 0;
                while (pos < stops.Length && (At(marked, stops[pos] >> 6) & (1UL << stops[pos])) == 0)
                {
                    pos++;
                }
                var trip = -1; // index within the pattern
                var row = 0;   // timeBase + trip * n: the trip's times at position 0
                var boardStop = -1;
                for (; pos < stops.Length; pos++)
                {
                    var s = stops[pos];
                    var f = stopFlags[pos];
                    if (trip >= 0 && (f & GtfsFeed.DropOffAllowed) != 0)
                    {
                        var arr = At(arrivals, row + pos);
                        ref var v = ref At(vehicle, s);
                        if (arr < v && arr <= maxArrival)
                        {
                            Touch(s);
                            Log(s, ride: true);
                            v = arr;
                            At(foundVehicle, s) = arr;
                            At(boardStopK, s) = boardStop;
                            At(boardTripK, s) = tripBase + trip;
                            ref var roundWord = ref At(roundBits, s >> 6);
                            if ((roundWord & (1UL << s)) == 0)
                            {
                                roundWord |= 1UL << s;
                                At(roundImproved, roundCount++) = s;
                            }
                        }
                    }
                    // board only where round k-1 improved the label (elsewhere the result is already known, r5's rule),
                    // and only if an earlier trip than the current one can be caught
                    if ((At(marked, s >> 6) & (1UL << s)) == 0 || (f & GtfsFeed.PickupAllowed) == 0)
                    {
                        continue;
                    }
                    var ready = At(prevReady, s);
                    var column = timeBase + (pos * nTrips); // this position's departures, trip by trip
                    if (trip < 0 || (trip > 0 && ready <= At(departures, column + trip - 1)))
                    {
                        // earliest trip in [0, limit) departing at or after 'ready'
                        var limit = trip < 0 ? nTrips : trip;
                        var lo = SortedInts.FirstAtOrAfter(departures, column, column + limit, ready) - column;
                        if (lo < limit)
                        {
                            trip = lo;
                            row = timeBase + (lo * n);
                            boardStop = s;
                        }
                    }
                }
            }
        }
        _roundVehicleImprovedCount = roundCount;
        return true;
    }

    private void ApplyTransfers(int k, int maxArrival, bool footpaths)
    {
        var vehicle = _vehicle[k];
        var arrival = _arrival[k];
        var ready = _ready[k];
        var readyFrom = _readyFrom[k];
        var foundReady = _foundReady[k];
        var change = _transfers.MinChangeSeconds;
        var first = _transfers.FirstTransfer;
        var target = _transfers.TransferTarget;
        var duration = _transfers.TransferDurationSeconds;
        var marked = _marked;
        var bestVehicle = _bestVehicle;
        var improvedBits = _improvedBits;
        var improved = _improved;
        var roundBits = _roundVehicleBits;
        var roundImproved = _roundVehicleImproved.AsSpan(0, _roundVehicleImprovedCount);
        Array.Clear(marked);
        foreach (var s in roundImproved)
        {
            roundBits[s >> 6] = 0;
            Touch(s); // already listed and logged by the scan that improved its vehicle label
            var t = vehicle[s];
            if (t < bestVehicle[s])
            {
                bestVehicle[s] = t;
                if ((improvedBits[s >> 6] & (1UL << s)) == 0)
                {
                    improvedBits[s >> 6] |= 1UL << s;
                    improved[_improvedCount++] = s;
                }
            }
            if (t < arrival[s])
            {
                arrival[s] = t;
            }
            var r = t + change[s];
            if (r < ready[s])
            {
                ready[s] = r;
                foundReady[s] = r;
                readyFrom[s] = s;
                marked[s >> 6] |= 1UL << s;
            }
        }
        if (!footpaths)
        {
            roundImproved = [];
        }
        var found = _footpathsFound;
        foreach (var s in roundImproved)
        {
            var t = vehicle[s];
            var begin = first[s];
            var count = ImprovingEdges.Find(target.AsSpan(begin, first[s + 1] - begin), duration.AsSpan(begin, first[s + 1] - begin), t, ready, found);
            for (var j = 0; j < count; j++)
            {
                var e = begin + At(found, j);
                var tu = t + At(duration, e);
                var u = At(target, e);
                ref var readyU = ref At(ready, u);
                // a stop's arrival is never after its ready time (vehicle + a change time >= 0, or the same walk), so a
                // walk that does not improve the ready time does not improve the arrival either
                if (tu <= maxArrival && tu < readyU)
                {
                    Touch(u);
                    Log(u, ride: false);
                    readyU = tu;
                    At(foundReady, u) = tu;
                    At(readyFrom, u) = s;
                    At(marked, u >> 6) |= 1UL << u;
                    ref var arrivalU = ref At(arrival, u);
                    if (tu < arrivalU)
                    {
                        arrivalU = tu;
                    }
                }
            }
        }
        _roundVehicleImprovedCount = 0;
    }

    /// <summary>
    /// After a single <see cref="Run"/> or any range step: the legs of the journey alighting at <paramref name="stop"/> with the earliest
    /// vehicle arrival (fewest rides among equal arrivals), from the access walk to the last ride. False if unreached.
    /// Labels of round k may be copies from earlier rounds, so each step back uses the lowest round holding the value,
    /// where it was set together with its back pointer. After range steps the journey may leave the origin later than
    /// the last step's departure (waiting at the origin instead of at a stop); the access leg is the walk itself.
    /// </summary>
    public bool TryGetJourney(int stop, List<JourneyLeg> legs)
    {
        ArgumentNullException.ThrowIfNull(legs);
        legs.Clear();
        var (best, k) = LowestFound(_foundVehicle, stop, 1, MaxRides);
        if (best == TravelTime.Unreached)
        {
            return false;
        }
        var s = stop;
        while (true)
        {
            var trip = _boardTrip[k][s];
            var b = _boardStop[k][s];
            var dep = BoardDeparture(trip, b, s);
            legs.Add(new JourneyLeg(JourneyLegKind.Ride, b, s, dep, _foundVehicle[k][s], trip));
            // round k boarded from round k-1's merged ready label: round 0's access walk, or the best of rounds 1..k-1
            // (round 1 does not merge the access walks), found in its lowest round; an access walk as early counts first
            // when round 1 holds that best (as the merged labels' walk down from round k-1 would reach it)
            var (readyAtB, kr) = k == 1 ? (_foundReady[0][b], 0) : LowestFound(_foundReady, b, 1, k - 1);
            if (kr == 1 && _foundReady[0][b] == readyAtB)
            {
                kr = 0;
            }
            if (kr == 0)
            {
                legs.Add(new JourneyLeg(JourneyLegKind.Access, -1, b, readyAtB - _accessSeconds[b], readyAtB, -1));
                break;
            }
            var from = _readyFrom[kr][b];
            // the vehicle arrival behind the ready time (at b itself when the rider stayed there), in the lowest round holding it
            var (arrivedFrom, kv) = LowestFound(_foundVehicle, from, 1, kr);
            legs.Add(new JourneyLeg(JourneyLegKind.Transfer, from, b, arrivedFrom, readyAtB, -1));
            s = from;
            k = kv;
        }
        legs.Reverse();
        return true;
    }

    /// <summary>The lowest found label of the stop over rounds <paramref name="fromRound"/>..<paramref name="toRound"/> (the merged label of round <paramref name="toRound"/>) and the lowest round holding it.</summary>
    private static (int Value, int Round) LowestFound(int[][] found, int stop, int fromRound, int toRound)
    {
        var value = TravelTime.Unreached;
        var round = toRound;
        for (var k = fromRound; k <= toRound; k++)
        {
            if (found[k][stop] < value)
            {
                value = found[k][stop];
                round = k;
            }
        }
        return (value, round);
    }

    /// <summary>Departure time of trip instance <paramref name="trip"/> at the position of <paramref name="boardStop"/> before reaching <paramref name="alightStop"/>.</summary>
    private int BoardDeparture(int trip, int boardStop, int alightStop)
    {
        // find pattern by trip instance
        var pto = _tt.PatternTripOffsets;
        int lo = 0, hi = _tt.PatternCount - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >>> 1;
            if (pto[mid] <= trip)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }
        var p = lo;
        while (pto[p + 1] <= trip)
        {
            p++;
        }
        var first = _tt.PatternStopOffsets[p];
        var n = _tt.StopsInPattern(p);
        var baseIdx = _tt.PatternTimeOffsets[p] + ((trip - pto[p]) * n);
        // the boarding position is the last occurrence of boardStop before the alighting position whose times fit
        var alightPos = -1;
        for (var i = n - 1; i >= 0; i--)
        {
            if (_tt.PatternStops[first + i] == alightStop)
            {
                alightPos = i;
                break;
            }
        }
        for (var i = Math.Max(alightPos, 1) - 1; i >= 0; i--)
        {
            if (_tt.PatternStops[first + i] == boardStop)
            {
                return _tt.Departures[baseIdx + i];
            }
        }
        return _tt.Departures[baseIdx];
    }
}

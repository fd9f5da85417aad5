using Geo.Routing.Transit.Gtfs;

namespace Geo.Routing.Transit.Timetable;

/// <summary>
/// The trips that run on one service date, grouped into patterns (same route, same stop sequence, same pickup/drop-off
/// rules) and stored as flat arrays (r5 layout). Times are seconds after the service date's midnight; trips of the
/// previous service day that run past 24:00 are included shifted by -86400 s.
/// Within a pattern trips are sorted by departure and never overtake (overtaking trips are split into separate patterns),
/// so departures and arrivals at each position are non-decreasing in trip order and boarding can binary-search.
/// Trip t of pattern p (0-based within the pattern) at position i: index PatternTimeOffsets[p] + t * stopsInPattern + i.
/// </summary>
public sealed class Timetable
{
    public required DateOnly Date { get; init; }
    public required GtfsFeed Feed { get; init; }

    public int StopCount => Feed.Stops.Count;
    public int PatternCount => PatternRoute.Length;

    /// <summary>CSR: stops of pattern p are PatternStops[PatternStopOffsets[p] .. PatternStopOffsets[p+1]).</summary>
    public required int[] PatternStopOffsets { get; init; }
    public required int[] PatternStops { get; init; }
    /// <summary>Per pattern stop: <see cref="GtfsFeed.PickupAllowed"/> | <see cref="GtfsFeed.DropOffAllowed"/>.</summary>
    public required byte[] PatternStopFlags { get; init; }
    /// <summary>Route index (into Feed.Routes) of each pattern.</summary>
    public required int[] PatternRoute { get; init; }
    /// <summary>CSR over trip instances: trips of pattern p are PatternTripOffsets[p] .. PatternTripOffsets[p+1].</summary>
    public required int[] PatternTripOffsets { get; init; }
    public required int[] PatternTimeOffsets { get; init; }
    public required int[] Arrivals { get; init; }
    public required int[] Departures { get; init; }

    /// <summary>GTFS trip index (Feed.Trips) of each trip instance (frequency-expanded trips repeat it).</summary>
    public required int[] TripGtfsIndex { get; init; }
    /// <summary>0 for trips of this service day, -86400 for trips of the previous service day.</summary>
    public required int[] TripDayOffsetSeconds { get; init; }

    /// <summary>CSR: patterns serving stop s are StopPatterns[StopPatternOffsets[s] .. StopPatternOffsets[s+1]).</summary>
    public required int[] StopPatternOffsets { get; init; }
    public required int[] StopPatterns { get; init; }

    public int TripInstanceCount => TripGtfsIndex.Length;

    private StopDepartures? _stopDepartures;

    /// <summary>Each stop's sorted departures, built at first use (range RAPTOR's access marking) and shared by all workers.</summary>
    public StopDepartures StopDepartures => LazyInitializer.EnsureInitialized(ref _stopDepartures, () => new StopDepartures(this));

    private int[]? _departuresByPosition;

    /// <summary>
    /// <see cref="Departures"/> transposed within each pattern, built at first use and shared: trip t of pattern p at
    /// position i is at PatternTimeOffsets[p] + i * TripsInPattern(p) + t, so one position's departures lie side by side
    /// and RAPTOR's search for the first trip a rider can catch there reads a cache line or two, not one per probe.
    /// </summary>
    public int[] DeparturesByPosition => LazyInitializer.EnsureInitialized(ref _departuresByPosition, () =>
    {
        var byPosition = new int[Departures.Length];
        for (var p = 0; p < PatternCount; p++)
        {
            var n = StopsInPattern(p);
            var trips = TripsInPattern(p);
            var start = PatternTimeOffsets[p];
            for (var t = 0; t < trips; t++)
            {
                for (var i = 0; i < n; i++)
                {
                    byPosition[start + (i * trips) + t] = Departures[start + (t * n) + i];
                }
            }
        }
        return byPosition;
    });

    public int StopsInPattern(int pattern) => PatternStopOffsets[pattern + 1] - PatternStopOffsets[pattern];

    public int TripsInPattern(int pattern) => PatternTripOffsets[pattern + 1] - PatternTripOffsets[pattern];
}

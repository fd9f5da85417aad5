using Geo.Routing.Matrices;
using Geo.Routing.Profiles;
using Geo.Routing.Streets;

namespace Geo.RoutingServer.Engines;

/// <summary>The street network with every mode's hierarchy loaded (from the .ch cache beside the network, or built once).</summary>
public sealed class RoutingEngine
{
    private readonly ModeEngine[] _modes;

    private RoutingEngine(StreetNetwork network, ModeEngine[] modes)
    {
        Network = network;
        _modes = modes;
    }

    public StreetNetwork Network { get; }

    /// <summary>Public transport for the transit table (set before the server starts); null = served without it.</summary>
    public TransitEngine? Transit { get; set; }

    public ModeEngine For(TravelMode mode) => _modes[(int)mode];

    /// <param name="network">The loaded network.</param>
    /// <param name="networkPath">Its .geonet file, to load or save the hierarchies beside it; null = build in memory.</param>
    /// <param name="carBand">Time band of car speeds.</param>
    /// <param name="stage">Told what is being loaded or built.</param>
    public static RoutingEngine Load(StreetNetwork network, string? networkPath, TimeBand carBand, Action<string>? stage = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        var modes = new ModeEngine[TravelModes.All.Count];
        foreach (var mode in TravelModes.All)
        {
            var band = mode == TravelMode.Car ? carBand : TimeBand.OffPeak;
            var graph = network.GetModeGraph(mode, null, band);
            var options = new RoadMatrixOptions { NetworkPath = networkPath, Band = band, Stage = s => stage?.Invoke($"{mode.ToName()}: {s}") };
            var hierarchy = RoadMatrixComputer.Hierarchy(network, mode, band, null, graph, options, out _);
            modes[(int)mode] = new ModeEngine(network, mode, graph, hierarchy);
        }
        return new RoutingEngine(network, modes);
    }
}

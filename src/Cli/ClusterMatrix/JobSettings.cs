using Geo.Core;
using Geo.Cli.Commands;
using Geo.Cluster.Jobs;
using Geo.Routing.Profiles;

namespace Geo.Cli.ClusterMatrix;

/// <summary>A cluster job's options as <c>geo matrix</c> settings (paths resolved against a data folder).</summary>
public static class JobSettings
{
    public static bool IsTransit(string mode) =>
        string.Equals(mode, "transit", StringComparison.OrdinalIgnoreCase) || string.Equals(mode, "pt", StringComparison.OrdinalIgnoreCase);

    public static MatrixCommand.Settings ToMatrixSettings(MatrixJobSpec spec, string dataFolder, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new MatrixCommand.Settings
        {
            Network = InputCheck.Resolve(dataFolder, spec.Network),
            Mode = spec.Mode,
            Origins = InputCheck.Resolve(dataFolder, spec.Origins),
            Destinations = InputCheck.Resolve(dataFolder, spec.Destinations),
            OriginId = spec.OriginIdColumn,
            DestinationId = spec.DestinationIdColumn,
            TimeBand = spec.TimeBand,
            MaxSnapMetres = spec.MaxSnapMetres,
            MaxMinutes = spec.MaxMinutes,
            Threads = threads,
            Gtfs = spec.Gtfs.Select(g => InputCheck.Resolve(dataFolder, g)).ToArray(),
            Date = spec.Date,
            Window = spec.Window,
            ArriveBy = spec.ArriveBy,
            Percentiles = spec.Percentiles,
            MaxRides = spec.MaxRides,
            MaxWalkMinutes = spec.MaxWalkMinutes,
        };
    }
}

using Geo.Cluster.Jobs;
using Geo.Cluster.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Geo.Cluster.Hosting;

/// <summary>The services every Geo silo has (also used by the in-process test cluster).</summary>
public static class SiloSetup
{
    public static IServiceCollection AddGeoSiloServices(this IServiceCollection services, string postgres, SiloDataOptions data, IMatrixShardComputer computer)
    {
        services.AddSingleton(new ClusterStore(postgres));
        services.AddSingleton(data);
        services.AddSingleton(computer);
        services.AddSingleton<InputCheck>();
        services.AddHostedService<ShardWorkerService>();
        return services;
    }
}

using DagMaster.WebApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DagMaster.ArchitectureTests.Violations.Layers;

/// <summary>Violation: depends on the WebApi host (nothing below the hosts may).</summary>
public static class ReachesIntoHost
{
    public static IServiceCollection Wire(IServiceCollection services, IConfiguration configuration) =>
        services.AddWebApi(configuration);
}

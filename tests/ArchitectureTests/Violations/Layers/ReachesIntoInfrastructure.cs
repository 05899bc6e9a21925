using DagMaster.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DagMaster.ArchitectureTests.Violations.Layers;

/// <summary>Violation: depends on DagMaster.Infrastructure (only the hosts' composition roots may).</summary>
public static class ReachesIntoInfrastructure
{
    public static IServiceCollection Wire(IServiceCollection services, IConfiguration configuration) =>
        services.AddInfrastructure(configuration);
}

using DagMaster.Application.Platforms.SeedPlatforms;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DagMaster.Infrastructure.Platforms;

/// <summary>Creates the configured platforms (ddh, arcgis, geonode) that the registry does not hold yet.</summary>
internal sealed partial class PlatformSeedingService(
    IServiceScopeFactory scopes,
    IOptions<PlatformSeedOptions> options,
    ILogger<PlatformSeedingService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Seed.Count == 0)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var created = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new SeedPlatformsCommand(options.Value.ToSeeds()), cancellationToken);
            if (created.Count > 0)
            {
                LogSeeded(string.Join(", ", created));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A missing schema must not stop the host; the next start seeds.
            LogFailed(ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Platforms seeded: {Platforms}")]
    private partial void LogSeeded(string platforms);

    [LoggerMessage(Level = LogLevel.Error, Message = "Platforms could not be seeded")]
    private partial void LogFailed(Exception exception);
}

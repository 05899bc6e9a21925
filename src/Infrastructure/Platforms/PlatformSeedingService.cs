using DagMaster.Application.Platforms.ProtectSigningSecrets;
using DagMaster.Application.Platforms.SeedPlatforms;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DagMaster.Infrastructure.Platforms;

/// <summary>
/// Creates the configured platforms (ddh, arcgis, geonode) that the registry does not hold yet, and encrypts signing
/// secrets that an older version stored in clear.
/// </summary>
internal sealed partial class PlatformSeedingService(
    IServiceScopeFactory scopes,
    IOptions<PlatformSeedOptions> options,
    ILogger<PlatformSeedingService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            if (options.Value.Seed.Count > 0)
            {
                var created = await sender.Send(new SeedPlatformsCommand(options.Value.ToSeeds()), cancellationToken);
                if (created.Count > 0)
                {
                    LogSeeded(string.Join(", ", created));
                }
            }

            var encrypted = await sender.Send(new ProtectSigningSecretsCommand(), cancellationToken);
            if (encrypted > 0)
            {
                LogProtected(encrypted);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Signing secrets stored in clear encrypted: {Count}")]
    private partial void LogProtected(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Platforms could not be seeded")]
    private partial void LogFailed(Exception exception);
}

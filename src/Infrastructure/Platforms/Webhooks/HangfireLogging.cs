using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DagMaster.Infrastructure.Platforms.Webhooks;

/// <summary>Offers this host's logger factory to Hangfire's process-wide log provider while the host runs.</summary>
internal sealed class HangfireLogging(ILoggerFactory loggerFactory) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LiveHostsLogProvider.Attach(loggerFactory);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        LiveHostsLogProvider.Detach(loggerFactory);
        return Task.CompletedTask;
    }
}

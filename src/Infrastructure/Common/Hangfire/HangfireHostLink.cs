using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DagMaster.Infrastructure.Common.Hangfire;

/// <summary>
/// While this host runs, Hangfire's process-wide parts may use it: its logger factory for Hangfire's logs, its
/// services for the jobs Hangfire runs (<see cref="HangfireHosts"/>).
/// </summary>
internal sealed class HangfireHostLink(ILoggerFactory loggerFactory, IServiceScopeFactory scopes) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LiveHostsLogProvider.Attach(loggerFactory);
        HangfireHosts.Attach(scopes);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        HangfireHosts.Detach(scopes);
        LiveHostsLogProvider.Detach(loggerFactory);
        return Task.CompletedTask;
    }
}

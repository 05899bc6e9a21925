using DagMaster.Application.Instances.ListInstances;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DagMaster.Infrastructure.Instances;

/// <summary>
/// Puts this host in the instance list when it starts, refreshes its last-seen time every
/// <see cref="InstanceRules.HeartbeatInterval"/> and removes it on a graceful stop. A failed beat (no database, schema
/// not deployed yet) is logged and tried again at the next beat; it never stops the host.
/// </summary>
internal sealed partial class InstanceHeartbeatService(
    InstanceRegistry registry,
    InstanceIdentity self,
    TimeProvider clock,
    ILogger<InstanceHeartbeatService> logger) : BackgroundService
{
    private bool _registered;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(InstanceRules.HeartbeatInterval, clock);
        do
        {
            try
            {
                await registry.HeartbeatAsync(self, clock.GetUtcNow(), stoppingToken);
                _registered = true;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogBeatFailed(ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (!_registered)
        {
            return;
        }

        try
        {
            await registry.RemoveAsync(self, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRemoveFailed(ex);
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record this instance's heartbeat; trying again at the next beat")]
    private partial void LogBeatFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove this instance from the instance list on stop")]
    private partial void LogRemoveFailed(Exception ex);
}

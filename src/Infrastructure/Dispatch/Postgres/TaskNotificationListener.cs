using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DagMaster.Infrastructure.Dispatch.Postgres;

/// <summary>
/// LISTENs on <c>dagmaster_tasks</c> so that tasks enqueued by any DagMaster instance wake this instance's
/// long-polling workers at once; this instance's own notifications are skipped (<see cref="TaskNotifier"/>).
/// Reconnects after a database outage.
/// </summary>
internal sealed partial class TaskNotificationListener(
    NpgsqlDataSource dataSource, TaskSignal signal, TaskNotifier notifier, ILogger<TaskNotificationListener> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) =>
                {
                    if (notifier.QueueToWake(e.Payload) is { } queue)
                    {
                        signal.Pulse(queue);
                    }
                };
                await using (var listen = new NpgsqlCommand("LISTEN dagmaster_tasks", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Anything enqueued while we were not listening must not wait for the next notification.
                signal.PulseAll();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or System.Net.Sockets.SocketException)
            {
                LogDisconnected(ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task notification listener lost its connection ({Reason}); reconnecting")]
    private partial void LogDisconnected(string reason);
}

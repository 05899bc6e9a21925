using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace DagMaster.Infrastructure.Dispatch.Postgres;

/// <summary>
/// Tells the other DagMaster instances which queues got tasks, with a NOTIFY sent after the enqueueing commit on a
/// connection of its own. A NOTIFY inside the committing transaction takes PostgreSQL's one notification lock
/// and holds it through the commit's WAL flush, so every enqueueing transaction of every instance flushed one
/// after the other; a NOTIFY alone writes no WAL and holds the lock for an instant. Queues named while a NOTIFY is
/// on its way go together in the next one. Claims of this instance are woken directly (<see cref="TaskSignal"/>),
/// so each payload names the sending instance ("origin queue") and the listener of that instance ignores it: a claim
/// woken twice for one enqueue runs its claim twice, the second for nothing.
/// </summary>
internal sealed partial class TaskNotifier(NpgsqlDataSource dataSource, ILogger<TaskNotifier> logger)
{
    /// <summary>This instance, as its notifications name it.</summary>
    private readonly string _origin = Guid.NewGuid().ToString("N");
    private readonly Lock _gate = new();
    private readonly HashSet<string> _queues = new(StringComparer.Ordinal);
    private bool _sending;

    public void Notify(IReadOnlyCollection<string> queues)
    {
        if (queues.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            _queues.UnionWith(queues);
            if (_sending)
            {
                return;
            }

            _sending = true;
        }

        _ = Task.Run(SendAsync);
    }

    private async Task SendAsync()
    {
        while (true)
        {
            string[] queues;
            lock (_gate)
            {
                if (_queues.Count == 0)
                {
                    _sending = false;
                    return;
                }

                queues = [.. _queues];
                _queues.Clear();
            }

            try
            {
                await using var connection = await dataSource.OpenConnectionAsync();
                await using var notify = new NpgsqlCommand("SELECT pg_notify('dagmaster_tasks', p) FROM unnest(@payloads) AS p", connection);
                notify.Parameters.Add(new NpgsqlParameter("payloads", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = queues.Select(PayloadFor).ToArray() });
                await notify.ExecuteNonQueryAsync();
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                // The tasks are committed: other instances' waiting claims find them when their wait ends, and a
                // listener that reconnects wakes every claim of its instance.
                LogNotifyFailed(string.Join(", ", queues), ex.Message);
            }
        }
    }

    /// <summary>The notification this instance sends for <paramref name="queue"/>.</summary>
    public string PayloadFor(string queue) => _origin + " " + queue;

    /// <summary>
    /// The queue a notification names, or null when this instance sent it (its claims were woken at the commit).
    /// A payload without an origin names a queue alone.
    /// </summary>
    public string? QueueToWake(string payload)
    {
        var space = payload.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            return payload;
        }

        return payload.AsSpan(0, space).SequenceEqual(_origin) ? null : payload[(space + 1)..];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not notify other instances of new tasks on {Queues} ({Reason}); their claims find them when their wait ends")]
    private partial void LogNotifyFailed(string queues, string reason);
}

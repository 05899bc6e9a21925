using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace DagMaster.Infrastructure.Dispatch.ServiceBus;

/// <summary>
/// Sends the outbox to Service Bus. Woken by each commit that wrote outbox rows (and once a second as a safety net:
/// rows left by a crashed instance, a wake-up lost to an error), it takes unsent rows under row locks, sends them in
/// batches per queue and marks them sent in the same transaction, only after the broker accepted them. A crash after a
/// send and before the mark sends them again; <c>MessageId = task_id</c> lets the broker's duplicate detection drop the
/// copy, and DagMaster ignores a repeated report of one attempt in any case.
/// </summary>
internal sealed partial class OutboxRelay(
    NpgsqlDataSource dataSource,
    ServiceBusSenders senders,
    IOptions<ServiceBusSettings> settings,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private static readonly TimeSpan s_safetyNet = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_maxBackoff = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Messages the broker accepted since start (for tests and the health page).</summary>
    public long Sent => Interlocked.Read(ref _sent);

    private long _sent;

    /// <summary>Runs a relay round soon; many wakes before it runs count as one.</summary>
    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // A round is due already.
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RelayOnceAsync(stoppingToken) == settings.Value.RelayBatchSize)
                {
                    // A full round: more may be waiting.
                }

                failures = 0;
                await _wake.WaitAsync(s_safetyNet, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (SimulatedCrashException)
            {
                LogSimulatedCrash();
                return;
            }
            catch (Exception ex) when (ex is ServiceBusException or NpgsqlException or TimeoutException or UnauthorizedAccessException
                                           or InvalidOperationException or System.Net.Sockets.SocketException or IOException)
            {
                failures++;
                var delay = TimeSpan.FromMilliseconds(Math.Min(s_maxBackoff.TotalMilliseconds, 50 * Math.Pow(2, Math.Min(failures, 10))));
                LogSendFailed(failures, delay.TotalMilliseconds, ex.Message);
                await Task.Delay(delay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Sends one round of unsent rows; returns how many were taken.</summary>
    private async Task<int> RelayOnceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = await TakeUnsentAsync(connection, transaction, cancellationToken);
        if (rows.Count == 0)
        {
            return 0;
        }

        var sent = new List<string>(rows.Count);
        Exception? failure = null;
        foreach (var queue in rows.GroupBy(r => r.Queue, StringComparer.Ordinal))
        {
            try
            {
                await SendAsync(queue.Key, [.. queue], sent, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Keep what the broker accepted before this queue failed; the rest stays unsent.
                failure = ex;
                break;
            }
        }

        if (settings.Value.SimulateCrashAfterSend && sent.Count > 0)
        {
            throw new SimulatedCrashException();
        }

        if (sent.Count > 0)
        {
            await using var mark = new NpgsqlCommand(OutboxSql.MarkSent, connection, transaction);
            mark.Parameters.Add(new NpgsqlParameter("task_ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = sent.ToArray() });
            await mark.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        Interlocked.Add(ref _sent, sent.Count);
        if (failure is not null)
        {
            throw failure is ServiceBusException ? failure : new InvalidOperationException(failure.Message, failure);
        }

        return rows.Count;
    }

    private async Task SendAsync(string queue, IReadOnlyList<OutboxRow> rows, List<string> sent, CancellationToken cancellationToken)
    {
        var sender = senders.For(queue);
        var index = 0;
        while (index < rows.Count)
        {
            using var batch = await sender.CreateMessageBatchAsync(cancellationToken);
            var first = index;
            while (index < rows.Count && batch.TryAddMessage(rows[index].ToMessage()))
            {
                index++;
            }

            if (index == first)
            {
                // One message alone is over the broker's limit: it can never be sent, so it fails loudly here.
                throw new InvalidOperationException($"task message {rows[index].TaskId} is larger than queue '{queue}' accepts ({batch.MaxSizeInBytes} bytes)");
            }

            await sender.SendMessagesAsync(batch, cancellationToken);
            for (var i = first; i < index; i++)
            {
                sent.Add(rows[i].TaskId);
            }
        }
    }

    private async Task<List<OutboxRow>> TakeUnsentAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(OutboxSql.TakeUnsent, connection, transaction);
        command.Parameters.AddWithValue("limit", settings.Value.RelayBatchSize);
        var rows = new List<OutboxRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new OutboxRow(
                reader.GetString(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetInt32(5), reader.GetInt32(6), reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9)));
        }

        return rows;
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay: sending failed ({Failures} in a row), trying again in {DelayMs} ms: {Reason}")]
    private partial void LogSendFailed(int failures, double delayMs, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay stopped after a send, before marking it (SimulateCrashAfterSend)")]
    private partial void LogSimulatedCrash();

    private sealed class SimulatedCrashException : Exception;
}

using DagMaster.Application.Abstractions;
using DagMaster.Application.Common.Exceptions;
using Npgsql;

namespace DagMaster.Infrastructure.Dispatch.ServiceBus;

/// <summary>
/// The worker side when Service Bus delivers tasks: nothing is claimed over HTTP and there are no leases (the broker
/// holds the message lock). Starts, progress and checkpoints update the node; an attempt times out
/// <c>timeout_seconds</c> after it started, or, when no worker took it, once its message expired.
/// </summary>
internal sealed class ServiceBusLeaseStore(NpgsqlDataSource dataSource, TaskReports reports) : ITaskLeaseStore
{
    public bool SupportsClaims => false;

    public Task<IReadOnlyList<ClaimedTask>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken) =>
        throw TransportMismatchException.NoClaims();

    public IClaimWait BeginWait(ClaimRequest request) => throw TransportMismatchException.NoClaims();

    public Task<HeartbeatResult> StartAsync(string taskId, string? workerId, CancellationToken cancellationToken) =>
        reports.RunAsync(ReportSql.Start, taskId, new TaskReportValues(WorkerId: workerId), cancellationToken);

    public Task<HeartbeatResult> HeartbeatAsync(string taskId, string? progressJson, CancellationToken cancellationToken) =>
        reports.RunAsync(ReportSql.Progress, taskId, new TaskReportValues(ProgressJson: progressJson), cancellationToken);

    public Task<HeartbeatResult> SaveCheckpointAsync(string taskId, string checkpointJson, string? progressJson, CancellationToken cancellationToken) =>
        reports.RunAsync(ReportSql.Checkpoint, taskId, new TaskReportValues(ProgressJson: progressJson, CheckpointJson: checkpointJson), cancellationToken);

    public async Task<IReadOnlyList<ExpiredTask>> FindExpiredAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(OutboxSql.Expired);
        command.Parameters.AddWithValue("limit", limit);
        var expired = new List<ExpiredTask>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            expired.Add(new ExpiredTask(reader.GetString(0), TimedOut: true, reader.GetInt32(1)));
        }

        return expired;
    }
}

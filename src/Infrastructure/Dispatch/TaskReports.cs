using DagMaster.Application.Abstractions;
using DagMaster.Domain.Jobs;
using Npgsql;
using NpgsqlTypes;

namespace DagMaster.Infrastructure.Dispatch;

/// <summary>
/// Runs the one-statement reports a worker makes about a task it holds (started, heartbeat, checkpoint) and reads
/// the answer: whether the attempt is still current, cancelled, or gone. Each statement ends with the node's and
/// job's state (<see cref="ReportSql.NodeAndJob"/>).
/// </summary>
internal sealed class TaskReports(NpgsqlDataSource dataSource)
{
    public async Task<HeartbeatResult> RunAsync(string sql, string taskId, TaskReportValues values, CancellationToken cancellationToken)
    {
        if (!TaskIds.TryParse(taskId, out var jobId, out var nodeId, out _))
        {
            return new HeartbeatResult(HeartbeatStatus.NotFound, null);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("job", jobId.Value);
        command.Parameters.AddWithValue("node", nodeId);
        command.Parameters.AddWithValue("task", taskId);
        command.Parameters.Add(new NpgsqlParameter("worker", NpgsqlDbType.Text) { Value = (object?)values.WorkerId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("lease", NpgsqlDbType.Interval) { Value = values.Lease ?? TimeSpan.Zero });
        command.Parameters.Add(new NpgsqlParameter("progress", NpgsqlDbType.Jsonb) { Value = (object?)values.ProgressJson ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("checkpoint", NpgsqlDbType.Jsonb) { Value = (object?)values.CheckpointJson ?? DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return new HeartbeatResult(HeartbeatStatus.NotFound, null);
        }

        var currentTask = reader.IsDBNull(0) ? null : reader.GetString(0);
        var nodeStatus = reader.GetString(1);
        var jobStatus = reader.GetString(2);
        DateTimeOffset? lease = reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3);
        if (currentTask != taskId || nodeStatus is "Completed" or "Failed" or "Skipped" or "Pending" or "Ready")
        {
            return new HeartbeatResult(HeartbeatStatus.Gone, null);
        }

        return nodeStatus == "Cancelled" || jobStatus != "Running"
            ? new HeartbeatResult(HeartbeatStatus.Cancelled, lease)
            : new HeartbeatResult(HeartbeatStatus.Current, lease);
    }
}

using System.Text;
using System.Text.Json;
using DagMaster.Application.Jobs.ListJobs;
using Npgsql;
using NpgsqlTypes;

namespace DagMaster.Infrastructure.Jobs;

/// <summary>
/// The job list in one indexed query: filters, B2B ref containment (GIN, <c>@&gt;</c>) and keyset paging on
/// (created_at, id), newest first. The query is planned with a random page read priced as an SSD's (ADR-0120):
/// at the server's default the planner may walk the newest jobs of every kind instead of reading a filtered page
/// from the index made for the filter.
/// </summary>
internal sealed class JobListReader(NpgsqlDataSource dataSource) : IJobListReader
{
    /// <summary>For this transaction only: the session's pooled plans keep the server's pricing.</summary>
    internal const string RandomReadsCheap = "SET LOCAL random_page_cost = 1.1";

    /// <summary>The columns <see cref="ReadSummary"/> reads, in its order.</summary>
    internal const string SummaryColumns =
        "id, workflow_id, workflow_version, status, priority, correlation_id, platform_id, created_at, started_at, completed_at, error";

    public async Task<IReadOnlyList<JobSummaryDto>> ListAsync(ListJobsQuery query, JobCursor? after, int take, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder($"SELECT {SummaryColumns} FROM dagmaster.jobs WHERE TRUE");
        var command = new NpgsqlBatchCommand();

        void Filter(string clause, string name, object value, NpgsqlDbType? type = null)
        {
            sql.Append(" AND ").Append(clause);
            command.Parameters.Add(type is { } t ? new NpgsqlParameter(name, t) { Value = value } : new NpgsqlParameter(name, value));
        }

        if (query.Status is { } status)
        {
            Filter("status = @status", "status", char.ToUpperInvariant(status[0]) + status[1..]);
        }

        if (query.WorkflowId is { } workflowId)
        {
            Filter("workflow_id = @workflow_id", "workflow_id", workflowId);
        }

        if (query.CorrelationId is { } correlationId)
        {
            Filter("correlation_id = @correlation_id", "correlation_id", correlationId);
        }

        if (query.PlatformId is { } platformId)
        {
            Filter("platform_id = @platform_id", "platform_id", platformId);
        }

        if (query.CreatedAfter is { } createdAfter)
        {
            Filter("created_at > @created_after", "created_after", createdAfter.ToUniversalTime());
        }

        if (query.CreatedBefore is { } createdBefore)
        {
            Filter("created_at < @created_before", "created_before", createdBefore.ToUniversalTime());
        }

        if (query.Refs is { Count: > 0 } refs)
        {
            Filter("external_refs @> @refs", "refs", JsonSerializer.Serialize(refs), NpgsqlDbType.Jsonb);
        }

        if (after is not null)
        {
            sql.Append(" AND (created_at, id) < (@after_created, @after_id)");
            command.Parameters.AddWithValue("after_created", after.CreatedAt);
            command.Parameters.AddWithValue("after_id", after.JobId);
        }

        sql.Append(" ORDER BY created_at DESC, id DESC LIMIT @take");
        command.Parameters.AddWithValue("take", take);
        command.CommandText = sql.ToString();

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { new(RandomReadsCheap), command } };
        var items = new List<JobSummaryDto>(take);
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(ReadSummary(reader));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return items;
    }

    internal static JobSummaryDto ReadSummary(NpgsqlDataReader reader) =>
        new(
            reader.GetGuid(0),
            reader.GetString(1),
            reader.GetInt32(2),
            reader.GetString(3).ToLowerInvariant(),
            reader.GetInt32(4),
            reader.IsDBNull(5) ? null : reader.GetString(5),
            reader.IsDBNull(6) ? null : reader.GetString(6),
            reader.GetFieldValue<DateTimeOffset>(7),
            reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
            reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9),
            reader.IsDBNull(10) ? null : reader.GetString(10));
}

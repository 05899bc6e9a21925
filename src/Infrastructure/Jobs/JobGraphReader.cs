using System.Text.Json;
using DagMaster.Application.Jobs.GetJobGraph;
using Npgsql;

namespace DagMaster.Infrastructure.Jobs;

/// <summary>
/// A job's graph state: its definition's nodes (rows without a parent) and its fan-out children grouped by parent and
/// status, so a fan-out with 100,000 children costs one aggregate row per status, not 100,000 rows.
/// </summary>
internal sealed class JobGraphReader(NpgsqlDataSource dataSource) : IJobGraphReader
{
    public async Task<JobGraphDto?> ReadAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT 1 FROM dagmaster.jobs WHERE id = $1") { Parameters = { new NpgsqlParameter { Value = jobId } } },
                new NpgsqlBatchCommand("""
                    SELECT node_id, status, attempt, error, params::text, output::text, progress::text,
                           ready_at, started_at, completed_at, next_attempt_at, worker_id, duration_ms
                    FROM dagmaster.job_nodes WHERE job_id = $1 AND parent_node_id IS NULL ORDER BY node_id
                    """) { Parameters = { new NpgsqlParameter { Value = jobId } } },
                new NpgsqlBatchCommand("""
                    SELECT parent_node_id, status, count(*)::int, min(started_at), max(completed_at)
                    FROM dagmaster.job_nodes WHERE job_id = $1 AND parent_node_id IS NOT NULL
                    GROUP BY parent_node_id, status
                    """) { Parameters = { new NpgsqlParameter { Value = jobId } } },
            },
        };

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        await reader.NextResultAsync(cancellationToken);
        var nodes = new List<NodeStateDto>();
        while (await reader.ReadAsync(cancellationToken))
        {
            nodes.Add(new NodeStateDto(
                reader.GetString(0),
                reader.GetString(1).ToLowerInvariant(),
                reader.GetInt32(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                Json(reader, 4),
                Json(reader, 5),
                Json(reader, 6),
                Time(reader, 7),
                Time(reader, 8),
                Time(reader, 9),
                Time(reader, 10),
                reader.IsDBNull(11) ? null : reader.GetString(11),
                reader.IsDBNull(12) ? null : reader.GetInt64(12)));
        }

        await reader.NextResultAsync(cancellationToken);
        var groups = new Dictionary<string, (Dictionary<string, int> Counts, DateTimeOffset? First, DateTimeOffset? Last)>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var parent = reader.GetString(0);
            if (!groups.TryGetValue(parent, out var group))
            {
                group = (new Dictionary<string, int>(StringComparer.Ordinal), null, null);
            }

            group.Counts[reader.GetString(1).ToLowerInvariant()] = reader.GetInt32(2);
            groups[parent] = (group.Counts, Earlier(group.First, Time(reader, 3)), Later(group.Last, Time(reader, 4)));
        }

        return new JobGraphDto(
            nodes,
            groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new FanOutGroupDto(g.Key, g.Value.Counts, g.Value.First, g.Value.Last)).ToList());
    }

    private static JsonElement? Json(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : JsonDocument.Parse(reader.GetString(ordinal)).RootElement.Clone();

    private static DateTimeOffset? Time(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    private static DateTimeOffset? Earlier(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}

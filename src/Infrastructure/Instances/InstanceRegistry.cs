using DagMaster.Application.Instances.ListInstances;
using Npgsql;

namespace DagMaster.Infrastructure.Instances;

/// <summary>Reads and writes <c>dagmaster.instances</c> with single statements (upsert, delete, one ordered read).</summary>
internal sealed class InstanceRegistry(NpgsqlDataSource dataSource) : IInstanceRegistry
{
    public async Task<IReadOnlyList<InstanceDto>> ListAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT instance_id, host_name, process_id, version, started_at, last_seen_at FROM dagmaster.instances ORDER BY last_seen_at DESC LIMIT @limit");
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var instances = new List<InstanceDto>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var lastSeen = reader.GetFieldValue<DateTimeOffset>(5);
            instances.Add(new InstanceDto(
                reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4), lastSeen,
                now - lastSeen > InstanceRules.StaleAfter));
        }

        return instances;
    }

    /// <summary>Registers or refreshes this instance and removes rows not seen for <see cref="InstanceRules.PruneAfter"/>.</summary>
    public async Task HeartbeatAsync(InstanceIdentity self, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        var upsert = new NpgsqlBatchCommand(
            """
            INSERT INTO dagmaster.instances (instance_id, host_name, process_id, version, started_at, last_seen_at)
            VALUES (@id, @host, @pid, @version, @started, @now)
            ON CONFLICT (instance_id) DO UPDATE SET last_seen_at = EXCLUDED.last_seen_at
            """);
        upsert.Parameters.AddWithValue("id", self.Id);
        upsert.Parameters.AddWithValue("host", self.HostName);
        upsert.Parameters.AddWithValue("pid", self.ProcessId);
        upsert.Parameters.AddWithValue("version", self.Version);
        upsert.Parameters.AddWithValue("started", self.StartedAt);
        upsert.Parameters.AddWithValue("now", now);
        var prune = new NpgsqlBatchCommand("DELETE FROM dagmaster.instances WHERE last_seen_at < @cutoff");
        prune.Parameters.AddWithValue("cutoff", now - InstanceRules.PruneAfter);
        batch.BatchCommands.Add(upsert);
        batch.BatchCommands.Add(prune);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RemoveAsync(InstanceIdentity self, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM dagmaster.instances WHERE instance_id = @id");
        command.Parameters.AddWithValue("id", self.Id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

using DagMaster.Application.Abstractions;
using Npgsql;

namespace DagMaster.Infrastructure.Dispatch.Postgres;

/// <summary>The PostgreSQL queue is reachable when its table answers.</summary>
internal sealed class PostgresTransportHealth(NpgsqlDataSource dataSource) : ITransportHealth
{
    public string Name => "postgres";

    public async Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1 FROM dagmaster.task_queue LIMIT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return $"task queue unavailable: {ex.Message}";
        }
    }
}

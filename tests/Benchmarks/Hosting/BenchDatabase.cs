using System.Text;
using Npgsql;

namespace DagMaster.Benchmarks.Hosting;

/// <summary>
/// Direct SQL for what the API does not offer: counting finished jobs while a row runs, seeding a million jobs,
/// and the per-row statement profile from <c>pg_stat_statements</c>.
/// </summary>
public sealed class BenchDatabase(string connectionString) : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public bool ProfileAvailable { get; private set; }

    public async Task InitialiseProfileAsync()
    {
        try
        {
            await ExecuteAsync("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            await ScalarAsync<long>("SELECT count(*) FROM pg_stat_statements");
            ProfileAvailable = true;
        }
        catch (PostgresException)
        {
            ProfileAvailable = false;
        }
    }

    public async Task ExecuteAsync(string sql, int timeoutSeconds = 600)
    {
        await using var command = _dataSource.CreateCommand(sql);
        command.CommandTimeout = timeoutSeconds;
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = _dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task<List<T>> ColumnAsync<T>(string sql)
    {
        await using var command = _dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }

    public async Task ResetProfileAsync()
    {
        if (ProfileAvailable)
        {
            await ExecuteAsync("SELECT pg_stat_statements_reset()");
        }
    }

    /// <summary>
    /// Writes the statements DagMaster ran since the last reset (top by total time) and returns their count. The
    /// planning columns stay 0 unless the cluster tracks planning (BENCH_PG_SETTINGS in build/bench); wal_mb and wal_fpi are
    /// the WAL each statement wrote and the full-page images in it.
    /// </summary>
    public async Task<long> WriteProfileAsync(string path)
    {
        if (!ProfileAvailable)
        {
            return 0;
        }

        const string Sql = """
            SELECT calls, round(total_exec_time::numeric, 1), round(mean_exec_time::numeric, 3), round(max_exec_time::numeric, 3), rows,
                   plans, round(total_plan_time::numeric, 1), round(wal_bytes / 1048576.0, 1), wal_fpi, regexp_replace(query, '\s+', ' ', 'g')
            FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT LIKE '%pg_stat_statements%'
            ORDER BY total_exec_time DESC
            """;
        await using var command = _dataSource.CreateCommand(Sql);
        await using var reader = await command.ExecuteReaderAsync();
        var text = new StringBuilder("calls\ttotal_ms\tmean_ms\tmax_ms\trows\tplans\tplan_ms\twal_mb\twal_fpi\tquery\n");
        long calls = 0;
        while (await reader.ReadAsync())
        {
            calls += reader.GetInt64(0);
            var query = reader.GetString(9);
            text.Append($"{reader.GetInt64(0)}\t{reader.GetDecimal(1)}\t{reader.GetDecimal(2)}\t{reader.GetDecimal(3)}\t{reader.GetInt64(4)}\t{reader.GetInt64(5)}\t{reader.GetDecimal(6)}\t{reader.GetDecimal(7)}\t{reader.GetInt64(8)}\t{(query.Length > 400 ? query[..400] + "…" : query)}\n");
        }

        await File.WriteAllTextAsync(path, text.ToString());
        return calls;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}

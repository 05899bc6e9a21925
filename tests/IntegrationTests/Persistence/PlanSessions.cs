using Npgsql;

namespace DagMaster.IntegrationTests.Persistence;

/// <summary>SQL on one session, for the tests that compare DagMaster's sessions with a plain one.</summary>
internal static class PlanSessions
{
    /// <summary>A session of the same database outside DagMaster's pool: none of its settings.</summary>
    public static async Task<NpgsqlConnection> OpenPlainAsync(string connectionString, CancellationToken cancellation)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellation);
        return connection;
    }

    public static async Task RunAsync(NpgsqlConnection connection, string sql, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellation);
    }

    public static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellation), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The first column of every row of every result, one line each (a plan, as EXPLAIN prints it).</summary>
    public static async Task<string> LinesAsync(NpgsqlConnection connection, string sql, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        do
        {
            while (await reader.ReadAsync(cancellation))
            {
                lines.Add(reader.GetValue(0).ToString()!);
            }
        }
        while (await reader.NextResultAsync(cancellation));

        return string.Join('\n', lines);
    }
}

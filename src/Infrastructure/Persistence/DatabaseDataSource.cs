using DagMaster.Infrastructure.Identity;
using Npgsql;

namespace DagMaster.Infrastructure.Persistence;

/// <summary>Builds DagMaster's connection pools: the hot-path tuning, the session settings (ConnectionTuning), and the Entra token as password when one is used.</summary>
public static class DatabaseDataSource
{
    private static readonly TimeSpan s_retryAfterFailure = TimeSpan.FromSeconds(5);

    public static NpgsqlDataSource Build(
        string connectionString, PostgresTokenSource? tokens, TimeSpan tokenRefreshInterval, Action<NpgsqlConnectionStringBuilder>? adjust = null)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        ConnectionTuning.Apply(builder.ConnectionStringBuilder, connectionString);
        adjust?.Invoke(builder.ConnectionStringBuilder);
        if (ConnectionTuning.SessionStatements(builder.ConnectionStringBuilder) is { } session)
        {
            builder.UsePhysicalConnectionInitializer(connection => Run(connection, session), connection => RunAsync(connection, session));
        }

        if (tokens is not null)
        {
            builder.UsePeriodicPasswordProvider((_, cancellationToken) => tokens.GetAsync(cancellationToken), tokenRefreshInterval, s_retryAfterFailure);
        }

        return builder.Build();
    }

    private static void Run(NpgsqlConnection connection, string statements)
    {
        using var command = new NpgsqlCommand(statements, connection);
        command.ExecuteNonQuery();
    }

    private static async Task RunAsync(NpgsqlConnection connection, string statements)
    {
        await using var command = new NpgsqlCommand(statements, connection);
        await command.ExecuteNonQueryAsync();
    }
}

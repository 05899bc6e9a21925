using DagMaster.Infrastructure.Identity;
using Npgsql;

namespace DagMaster.Infrastructure.Persistence;

/// <summary>Builds DagMaster's connection pools: the hot-path tuning, sessions that plan on indexes, and the Entra token as password when one is used.</summary>
public static class DatabaseDataSource
{
    private static readonly TimeSpan s_retryAfterFailure = TimeSpan.FromSeconds(5);

    public static NpgsqlDataSource Build(
        string connectionString, PostgresTokenSource? tokens, TimeSpan tokenRefreshInterval, Action<NpgsqlConnectionStringBuilder>? adjust = null)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        ConnectionTuning.Apply(builder.ConnectionStringBuilder, connectionString);
        adjust?.Invoke(builder.ConnectionStringBuilder);
        if (ConnectionTuning.PlansOnIndexes(builder.ConnectionStringBuilder))
        {
            builder.UsePhysicalConnectionInitializer(PlanOnIndexes, PlanOnIndexesAsync);
        }

        if (tokens is not null)
        {
            builder.UsePeriodicPasswordProvider((_, cancellationToken) => tokens.GetAsync(cancellationToken), tokenRefreshInterval, s_retryAfterFailure);
        }

        return builder.Build();
    }

    private static void PlanOnIndexes(NpgsqlConnection connection)
    {
        using var command = new NpgsqlCommand(ConnectionTuning.IndexPathsOnly, connection);
        command.ExecuteNonQuery();
    }

    private static async Task PlanOnIndexesAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(ConnectionTuning.IndexPathsOnly, connection);
        await command.ExecuteNonQueryAsync();
    }
}

using Hangfire.PostgreSql;
using Npgsql;

namespace DagMaster.Infrastructure.Platforms.Webhooks;

/// <summary>Hangfire's connections from a data source of DagMaster's (so they sign in as DagMaster does, Entra token included).</summary>
internal sealed class DataSourceConnectionFactory(NpgsqlDataSource dataSource) : IConnectionFactory
{
    public NpgsqlConnection GetOrCreateConnection() => dataSource.CreateConnection();
}

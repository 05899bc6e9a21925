using Npgsql;

namespace DagMaster.ArchitectureTests.Violations.Layers;

/// <summary>Violation: opens PostgreSQL connections itself (only Infrastructure may use Npgsql).</summary>
public sealed class UsesNpgsqlDirectly(NpgsqlDataSource dataSource)
{
    public NpgsqlConnection Open() => dataSource.OpenConnection();
}

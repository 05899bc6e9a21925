using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DagMaster.Infrastructure.Persistence;

/// <summary>Lets `dotnet ef` build the model without starting the host (no database is contacted).</summary>
internal sealed class DagMasterDbContextFactory : IDesignTimeDbContextFactory<DagMasterDbContext>
{
    public DagMasterDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<DagMasterDbContext>()
            .UseNpgsql("Host=localhost;Database=dagmaster_design", npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history", DagMasterDbContext.Schema))
            .Options);
}

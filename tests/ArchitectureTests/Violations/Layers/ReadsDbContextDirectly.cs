using Microsoft.EntityFrameworkCore;

namespace DagMaster.ArchitectureTests.Violations.Layers;

/// <summary>Violation: talks to EF Core directly (forbidden in Domain and in endpoints/controllers; allowed in Application).</summary>
public sealed class ReadsDbContextDirectly(DbContext db)
{
    public int TrackedEntries() => db.ChangeTracker.Entries().Count();
}

using DagMaster.ArchitectureTests.Violations.DomainModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DagMaster.ArchitectureTests.Violations.Persistence;

/// <summary>Violation: an EF configuration that is public, not sealed and not named <c>*Configuration</c>.</summary>
public class BadThingMapping : IEntityTypeConfiguration<BadThing>
{
    public void Configure(EntityTypeBuilder<BadThing> builder) => builder.ToTable("bad_things");
}

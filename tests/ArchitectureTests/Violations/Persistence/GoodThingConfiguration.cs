using DagMaster.ArchitectureTests.Violations.DomainModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DagMaster.ArchitectureTests.Violations.Persistence;

/// <summary>Compliant control: internal, sealed, named <c>*Configuration</c>.</summary>
internal sealed class GoodThingConfiguration : IEntityTypeConfiguration<GoodThing>
{
    public void Configure(EntityTypeBuilder<GoodThing> builder) => builder.ToTable("good_things");
}

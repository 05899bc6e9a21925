using DagMaster.Domain.Common;

namespace DagMaster.ArchitectureTests.Violations.DomainModel;

/// <summary>Compliant control: a private constructor, a static factory and private setters.</summary>
public sealed class GoodThing : Entity, IAggregateRoot
{
    private GoodThing(string name)
    {
        Name = name;
    }

    public string Name { get; private set; }

    public static GoodThing Create(string name) => new(name);

    public void Rename(string name) => Name = name;
}

namespace DagMaster.Domain.Common;

/// <summary>Marks the root of a consistency boundary; only roots have repositories.</summary>
public interface IAggregateRoot;

namespace DagMaster.Application.Abstractions;

public interface IUnitOfWork
{
    /// <summary>Publishes pending domain events, then saves every change in one transaction.</summary>
    Task CommitAsync(CancellationToken cancellationToken);
}

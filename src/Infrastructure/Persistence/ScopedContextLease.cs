namespace DagMaster.Infrastructure.Persistence;

/// <summary>
/// The request scope's rented context, returned to the pool exactly once. The scope hands the same context out
/// as <see cref="DagMasterDbContext"/>, <c>IUnitOfWork</c> and <c>IReadModel</c>, and the container disposes
/// every one of them when the scope ends; with a pooled context each of those disposals would return it again,
/// and one that came after another scope had rented it would take it from under that scope. So the context
/// ignores disposal by anyone but this lease (<see cref="DagMasterDbContext.Release"/>).
/// </summary>
internal sealed class ScopedContextLease(DagMasterDbContext context) : IAsyncDisposable, IDisposable
{
    public DagMasterDbContext Context { get; } = context;

    public ValueTask DisposeAsync() => Context.Release();

    /// <summary>For scopes disposed synchronously.</summary>
    public void Dispose() => Context.ReleaseNow();
}

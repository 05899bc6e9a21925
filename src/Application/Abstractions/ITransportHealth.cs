namespace DagMaster.Application.Abstractions;

/// <summary>The task transport that runs in this process, and whether it can be reached.</summary>
public interface ITransportHealth
{
    /// <summary>e.g. "postgres" or "servicebus".</summary>
    string Name { get; }

    /// <summary>Null when reachable, else what is wrong.</summary>
    Task<string?> CheckAsync(CancellationToken cancellationToken);
}

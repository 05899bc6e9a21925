namespace DagMaster.Application.Abstractions;

/// <summary>Where callbacks may go: https to a public address, unless the deployment allows private networks.</summary>
public interface ICallbackUrlPolicy
{
    /// <summary>Null when callbacks may be sent to <paramref name="url"/>, else why not (for the field error).</summary>
    Task<string?> ProblemAsync(string url, CancellationToken cancellationToken);
}

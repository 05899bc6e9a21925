namespace DagMaster.Application.Abstractions;

/// <summary>Whether the process can get the Entra tokens it signs in with (when it uses any).</summary>
public interface ICredentialHealth
{
    /// <summary>False when no Entra token is used (passwords or connection strings): there is nothing to check.</summary>
    bool InUse { get; }

    /// <summary>Null when a token can be had, else why not.</summary>
    Task<string?> CheckAsync(CancellationToken cancellationToken);
}

using DagMaster.Application.Abstractions;

namespace DagMaster.Infrastructure.Identity;

/// <summary>Asks for a PostgreSQL token (the credential caches it, so this is cheap while it is valid).</summary>
internal sealed class CredentialHealth(PostgresTokenSource? tokens) : ICredentialHealth
{
    public bool InUse => tokens is not null;

    public async Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        if (tokens is null)
        {
            return null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await tokens.GetAsync(timeout.Token);
            return null;
        }
        catch (Exception ex)
        {
            return ex is OperationCanceledException ? "no Entra token within 5 s" : $"no Entra token: {ex.Message}";
        }
    }
}

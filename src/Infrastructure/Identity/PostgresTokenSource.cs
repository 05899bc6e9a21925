using Azure.Core;

namespace DagMaster.Infrastructure.Identity;

/// <summary>
/// Entra access tokens used as the PostgreSQL password. Npgsql asks for a new one on its refresh interval (before the
/// token expires), so connections opened after a refresh sign in with the new token. Remembers the outcome of the
/// last attempt for the health check.
/// </summary>
public sealed class PostgresTokenSource(TokenCredential credential, TimeProvider clock)
{
    private volatile TokenAttempt? _last;

    /// <summary>The last attempt: when, and the error if it failed (null before the first).</summary>
    public TokenAttempt? Last => _last;

    public async ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        try
        {
            var token = await credential.GetTokenAsync(new TokenRequestContext([AzureCredentials.PostgresScope]), cancellationToken);
            _last = new TokenAttempt(clock.GetUtcNow(), token.ExpiresOn, null);
            return token.Token;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _last = new TokenAttempt(clock.GetUtcNow(), null, ex.Message);
            throw;
        }
    }
}

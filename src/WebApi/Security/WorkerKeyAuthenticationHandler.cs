using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DagMaster.WebApi.Security;

/// <summary>
/// Worker calls carry <c>Authorization: Bearer &lt;worker key&gt;</c> with a key from WORKER_KEYS. With no key
/// configured every worker call is refused: the protocol fails closed.
/// </summary>
internal sealed class WorkerKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    WorkerKeys workerKeys)
    : KeyAuthenticationHandler(options, logger, encoder)
{
    protected override string ChallengeDetail => "Send 'Authorization: Bearer <worker key>' with a key configured in WORKER_KEYS.";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var index = workerKeys.Keys.IndexOf(header["Bearer ".Length..].Trim());
        return Task.FromResult(index >= 0
            ? Success("worker", AuthRoles.Worker, new Claim(AuthRoles.CredentialClaim, $"worker:{index}"))
            : AuthenticateResult.Fail("unknown worker key"));
    }
}

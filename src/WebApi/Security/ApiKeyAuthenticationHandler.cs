using System.Security.Claims;
using System.Text.Encodings.Web;
using DagMaster.Application.Common.Telemetry;
using DagMaster.Application.Platforms.AuthenticateApiKey;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DagMaster.WebApi.Security;

/// <summary>
/// <c>X-Api-Key</c>: a key from ADMIN_KEYS makes an operator; otherwise the key's SHA-256 hash is looked up
/// among the platforms' active keys and makes a platform principal with its <c>platform_id</c> claim. A key no
/// platform has is remembered for a while (<see cref="UnknownApiKeys"/>), so repeating it costs no query.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AdminKeys adminKeys,
    UnknownApiKeys unknownKeys,
    ISender sender)
    : KeyAuthenticationHandler(options, logger, encoder)
{
    protected override string ChallengeDetail => $"Send '{AuthSchemes.ApiKeyHeader}: <key>' with a platform API key or an admin key.";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[AuthSchemes.ApiKeyHeader].ToString().Trim();
        if (presented.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        var admin = adminKeys.Keys.IndexOf(presented);
        if (admin >= 0)
        {
            return Success("operator", AuthRoles.Operator, new Claim(AuthRoles.CredentialClaim, $"admin:{admin}"));
        }

        if (presented.Length > 256 || unknownKeys.Contains(presented))
        {
            return AuthenticateResult.Fail("unknown API key");
        }

        var key = await sender.Send(new AuthenticateApiKeyQuery(presented), Context.RequestAborted);
        DagMasterTelemetry.ApiKeyLookedUp(key is null ? "unknown" : key.Usable ? "found" : "refused");
        if (key is null)
        {
            unknownKeys.Remember(presented);
            return AuthenticateResult.Fail("unknown API key");
        }

        return key.Usable
            ? Success($"platform:{key.PlatformId}", AuthRoles.Platform,
                new Claim(AuthRoles.PlatformIdClaim, key.PlatformId), new Claim(AuthRoles.CredentialClaim, $"key:{key.KeyId}"))
            : AuthenticateResult.Fail("revoked API key, or its platform is inactive");
    }
}

using System.Security.Claims;
using System.Text.Encodings.Web;
using DagMaster.Application.Platforms.AuthenticateApiKey;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DagMaster.WebApi.Security;

/// <summary>
/// <c>X-Api-Key</c>: a key from ADMIN_KEYS makes an operator; otherwise the key's SHA-256 hash is looked up
/// among the platforms' active keys and makes a platform principal with its <c>platform_id</c> claim.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AdminKeys adminKeys,
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

        if (adminKeys.Keys.Contains(presented))
        {
            return Success("operator", AuthRoles.Operator);
        }

        if (presented.Length > 256)
        {
            return AuthenticateResult.Fail("unknown API key");
        }

        var platformId = await sender.Send(new AuthenticateApiKeyQuery(presented), Context.RequestAborted);
        return platformId is null
            ? AuthenticateResult.Fail("unknown or revoked API key")
            : Success($"platform:{platformId}", AuthRoles.Platform, new Claim(AuthRoles.PlatformIdClaim, platformId));
    }
}

using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DagMaster.UiTests.Infrastructure;

/// <summary>
/// A minimal OpenID provider on loopback Kestrel for the sign-in tests: discovery, JWKS with an RSA key made here,
/// an authorize endpoint that signs in <see cref="NextUser"/> at once and redirects back with a code, a token
/// endpoint that checks the PKCE verifier and answers an RS256 id token, and an end-session endpoint.
/// </summary>
public sealed class FakeOpenIdProvider : IAsyncDisposable
{
    public const string ClientId = "dagmaster-ui-test";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, Grant> _grants = new(StringComparer.Ordinal);
    private WebApplication _app = null!;

    private FakeOpenIdProvider()
    {
    }

    public string Issuer { get; private set; } = "";

    /// <summary>Who the next authorization signs in: a name and the values of the <c>roles</c> claim.</summary>
    public (string Name, string[] Roles) NextUser { get; set; } = ("alice", ["operator"]);

    /// <summary>Authorization requests that carried an S256 code challenge.</summary>
    public int PkceAuthorizations;

    /// <summary>Code exchanges whose verifier matched the challenge.</summary>
    public int VerifiedExchanges;

    public int SignOuts;

    public static async Task<FakeOpenIdProvider> StartAsync()
    {
        var provider = new FakeOpenIdProvider();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        provider._app = builder.Build();
        provider.Map(provider._app);
        await provider._app.StartAsync();
        var address = provider._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider.Issuer = address.TrimEnd('/');
        return provider;
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = $"{Issuer}/authorize",
            ["token_endpoint"] = $"{Issuer}/token",
            ["jwks_uri"] = $"{Issuer}/jwks",
            ["end_session_endpoint"] = $"{Issuer}/logout",
            ["response_types_supported"] = new[] { "code" },
            ["response_modes_supported"] = new[] { "query" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["scopes_supported"] = new[] { "openid", "profile" },
        }));

        app.MapGet("/jwks", () =>
        {
            var key = _rsa.ExportParameters(false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new { kty = "RSA", use = "sig", alg = "RS256", kid = "test-key", n = Base64UrlEncoder.Encode(key.Modulus), e = Base64UrlEncoder.Encode(key.Exponent) },
                },
            });
        });

        app.MapGet("/authorize", (HttpRequest request) =>
        {
            var q = request.Query;
            if (q["client_id"] != ClientId || q["response_type"] != "code" || string.IsNullOrEmpty(q["redirect_uri"]))
            {
                return Results.BadRequest("unexpected authorization request");
            }

            if (q["code_challenge_method"] == "S256" && !string.IsNullOrEmpty(q["code_challenge"]))
            {
                Interlocked.Increment(ref PkceAuthorizations);
            }

            var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(24));
            _grants[code] = new Grant(NextUser.Name, NextUser.Roles, q["nonce"].ToString(), q["code_challenge"].ToString(), q["redirect_uri"].ToString());
            return Results.Redirect($"{q["redirect_uri"]}?code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(q["state"].ToString())}");
        });

        app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["grant_type"] != "authorization_code" || !_grants.TryRemove(form["code"].ToString(), out var grant) || form["redirect_uri"] != grant.RedirectUri)
            {
                return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            }

            var verifier = form["code_verifier"].ToString();
            if (grant.CodeChallenge.Length == 0 || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != grant.CodeChallenge)
            {
                return Results.Json(new { error = "invalid_grant", error_description = "PKCE verification failed" }, statusCode: 400);
            }

            Interlocked.Increment(ref VerifiedExchanges);
            return Results.Json(new { access_token = "opaque-test-token", token_type = "Bearer", expires_in = 300, id_token = IdToken(grant) });
        });

        app.MapGet("/logout", (HttpRequest request) =>
        {
            Interlocked.Increment(ref SignOuts);
            var back = request.Query["post_logout_redirect_uri"].ToString();
            var state = request.Query["state"].ToString();
            return back.Length == 0 ? Results.Ok("signed out") : Results.Redirect(state.Length == 0 ? back : $"{back}?state={Uri.EscapeDataString(state)}");
        });
    }

    private string IdToken(Grant grant)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = $"sub-{grant.Name}",
            ["name"] = grant.Name,
            ["preferred_username"] = $"{grant.Name}@example.test",
            ["nonce"] = grant.Nonce,
        };
        if (grant.Roles.Length > 0)
        {
            claims["roles"] = grant.Roles;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = ClientId,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now.AddSeconds(-5),
            Expires = now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = "test-key" }, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _rsa.Dispose();
    }

    private sealed record Grant(string Name, string[] Roles, string Nonce, string CodeChallenge, string RedirectUri);
}

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace DagMaster.WebUi.Security;

/// <summary>
/// OpenID Connect sign-in for the admin pages (authorization code flow with PKCE, answer by query so the callback
/// is a plain top-level GET). The provider's identity is reduced to a name and the known roles and kept in the
/// pages' own cookie; a token without <c>operator</c> or <c>viewer</c> ends on the access-denied page without a session.
/// </summary>
internal static class OidcRegistration
{
    public const string AccessDeniedPath = "/ui/access-denied";

    public static AuthenticationBuilder AddAdminUiOidc(this AuthenticationBuilder builder, AdminUiOidcOptions oidc) =>
        builder.AddOpenIdConnect(UiPolicies.OidcScheme, options =>
        {
            options.Authority = oidc.Authority;
            options.ClientId = oidc.ClientId;
            options.ClientSecret = string.IsNullOrWhiteSpace(oidc.ClientSecret) ? null : oidc.ClientSecret;
            options.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
            options.ResponseType = OpenIdConnectResponseType.Code;
            options.ResponseMode = OpenIdConnectResponseMode.Query;
            options.UsePkce = true;
            options.CallbackPath = oidc.CallbackPath;
            options.SignedOutCallbackPath = oidc.SignedOutCallbackPath;
            options.SignInScheme = UiPolicies.Scheme;
            options.MapInboundClaims = false;
            options.SaveTokens = false;
            options.GetClaimsFromUserInfoEndpoint = false;
            options.Scope.Clear();
            options.Scope.Add("openid");
            options.Scope.Add("profile");
            options.TokenValidationParameters.NameClaimType = "name";
            options.TokenValidationParameters.RoleClaimType = oidc.RoleClaim;

            // The provider answers with a top-level GET: Lax cookies come back, and plain http works for a local provider.
            options.CorrelationCookie.SameSite = SameSiteMode.Lax;
            options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.NonceCookie.SameSite = SameSiteMode.Lax;
            options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;

            options.Events = new OpenIdConnectEvents
            {
                OnTokenValidated = context =>
                {
                    var principal = OidcRoles.Map(context.Principal!, oidc.RoleClaim);
                    if (principal is null)
                    {
                        context.Response.Redirect(AccessDeniedPath);
                        context.HandleResponse();
                        return Task.CompletedTask;
                    }

                    context.Principal = principal;
                    return Task.CompletedTask;
                },
                OnRemoteFailure = context =>
                {
                    context.Response.Redirect("/ui/login?error=oidc");
                    context.HandleResponse();
                    return Task.CompletedTask;
                },
            };
        });
}

using System.Security.Claims;

namespace DagMaster.WebUi.Security;

/// <summary>Turns a provider's identity into the admin pages' identity: a name and the known roles, nothing else.</summary>
public static class OidcRoles
{
    /// <summary>Marks a session that came from the OpenID provider (sign-out then also ends the provider's session).</summary>
    public const string LoginClaim = "dagmaster_login";
    public const string OidcLogin = "oidc";

    /// <summary>The admin principal, or null when the token carries neither <c>operator</c> nor <c>viewer</c> in <paramref name="roleClaim"/>.</summary>
    public static ClaimsPrincipal? Map(ClaimsPrincipal external, string roleClaim)
    {
        var roles = external.Claims
            .Where(c => c.Type == roleClaim || (roleClaim == "roles" && c.Type == ClaimTypes.Role))
            .Select(c => c.Value)
            .Where(UiRoles.IsKnown)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (roles.Count == 0)
        {
            return null;
        }

        var name = new[] { "name", "preferred_username", "email", "sub", ClaimTypes.Name, ClaimTypes.NameIdentifier }
            .Select(type => external.FindFirst(type)?.Value)
            .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? "unknown";
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(LoginClaim, OidcLogin) };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, UiPolicies.Scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}

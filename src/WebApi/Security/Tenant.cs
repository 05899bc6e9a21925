using System.Security.Claims;

namespace DagMaster.WebApi.Security;

/// <summary>Tenant isolation: a platform principal sees only its own platform's resources.</summary>
internal static class Tenant
{
    /// <summary>The caller's platform id when it is a platform key; null for operators and viewers (all tenants).</summary>
    public static string? Of(HttpContext context) =>
        context.User.IsInRole(AuthRoles.Platform) ? context.User.FindFirstValue(AuthRoles.PlatformIdClaim) : null;

    /// <summary>True when the caller may act for <paramref name="platformId"/>.</summary>
    public static bool MayAccess(HttpContext context, string platformId) =>
        Of(context) is not { } own || string.Equals(own, platformId, StringComparison.Ordinal);
}

namespace DagMaster.WebApi.Infrastructure;

/// <summary>Who is calling, for idempotency scopes and the timeline.</summary>
internal static class Callers
{
    public static string Of(HttpContext context) => context.User.Identity?.Name is { Length: > 0 } name ? name : "operator";
}

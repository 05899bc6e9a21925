using System.Security.Claims;
using System.Text.Encodings.Web;
using DagMaster.WebApi.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DagMaster.WebApi.Security;

/// <summary>What both key schemes share: a ticket from claims, and 401/403 answered as Problem Details.</summary>
internal abstract class KeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected abstract string ChallengeDetail { get; }

    protected AuthenticateResult Success(string name, string role, params Claim[] extra)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(ClaimTypes.Role, role) };
        claims.AddRange(extra);
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status401Unauthorized, "Authentication is required.", ChallengeDetail, ProblemTypes.Unauthorized);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "This credential may not call this endpoint.",
            "The key is valid but its role does not allow this call.", ProblemTypes.Forbidden);

    private async Task WriteProblemAsync(int status, string title, string detail, string type)
    {
        Response.StatusCode = status;
        var problems = Context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail, Type = type },
        });
    }
}

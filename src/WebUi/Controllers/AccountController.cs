using DagMaster.WebUi.Models;
using DagMaster.WebUi.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace DagMaster.WebUi.Controllers;

[Route("ui")]
[AutoValidateAntiforgeryToken]
public sealed class AccountController(UiUserStore users, LoginThrottle throttle, IOptions<AdminUiOptions> options) : Controller
{
    private AdminUiOidcOptions Oidc => options.Value.Oidc;

    /// <summary>
    /// The login page: the local form when local users are configured, the provider's button when OpenID Connect is;
    /// with only a provider the page sends the browser straight to it (unless the user just signed out or it failed).
    /// </summary>
    [HttpGet("login")]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl, string? error, [FromQuery(Name = "signed_out")] string? signedOut)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return Redirect(SafeReturnUrl(returnUrl));
        }

        if (Oidc.IsEnabled && !users.HasLocalUsers && error is null && signedOut is null)
        {
            return ChallengeProvider(returnUrl);
        }

        return View(Page(null, returnUrl, error == "oidc" ? $"Sign-in with {Oidc.DisplayName} failed. Try again." : null));
    }

    [HttpPost("login")]
    [AllowAnonymous]
    public async Task<IActionResult> SignIn([FromForm] string? name, [FromForm] string? password, [FromForm] string? returnUrl)
    {
        if (!throttle.TryAttempt(HttpContext.Connection.RemoteIpAddress, name, out var retryAfter))
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return View(nameof(Login), Page(name, returnUrl, $"Too many sign-in attempts. Try again in {seconds} s."));
        }

        var principal = users.SignIn(name, password);
        if (principal is null)
        {
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return View(nameof(Login), Page(name, returnUrl, "Unknown name or wrong password."));
        }

        await HttpContext.SignInAsync(UiPolicies.Scheme, principal);
        return Redirect(SafeReturnUrl(returnUrl));
    }

    /// <summary>Starts the OpenID Connect sign-in (code flow with PKCE); 404 when no provider is configured.</summary>
    [HttpGet("login/oidc")]
    [AllowAnonymous]
    public IActionResult LoginWithProvider(string? returnUrl) => Oidc.IsEnabled ? ChallengeProvider(returnUrl) : NotFound();

    /// <summary>Where a provider's user without the operator or viewer role ends: no session is created.</summary>
    [HttpGet("access-denied")]
    [AllowAnonymous]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    /// <summary>
    /// Signed-in users only: the policy authenticates the pages' cookie, so the anti-forgery check compares the
    /// form's token with the same user it was issued to.
    /// </summary>
    [HttpPost("logout")]
    [Authorize(Policy = UiPolicies.Viewer)]
    public async Task<IActionResult> Logout()
    {
        var fromProvider = Oidc.IsEnabled && User.HasClaim(OidcRoles.LoginClaim, OidcRoles.OidcLogin);
        if (fromProvider)
        {
            // Ends the provider's session too; it sends the browser back to the signed-out callback, then to the login page.
            return SignOut(new AuthenticationProperties { RedirectUri = "/ui/login?signed_out=1" }, UiPolicies.Scheme, UiPolicies.OidcScheme);
        }

        await HttpContext.SignOutAsync(UiPolicies.Scheme);
        return Redirect("/ui/login");
    }

    private ChallengeResult ChallengeProvider(string? returnUrl) =>
        Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl(returnUrl) }, UiPolicies.OidcScheme);

    private LoginModel Page(string? name, string? returnUrl, string? error) =>
        new(name, returnUrl, error, users.HasLocalUsers, Oidc.IsEnabled ? Oidc.DisplayName : null);

    /// <summary>Only a local /ui address is followed after login (no open redirect).</summary>
    private string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith("/ui", StringComparison.Ordinal) ? returnUrl : "/ui/";
}

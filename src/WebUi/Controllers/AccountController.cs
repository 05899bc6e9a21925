using DagMaster.WebUi.Models;
using DagMaster.WebUi.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace DagMaster.WebUi.Controllers;

[Route("ui")]
[AllowAnonymous]
[AutoValidateAntiforgeryToken]
public sealed class AccountController(UiUserStore users) : Controller
{
    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) =>
        User.Identity?.IsAuthenticated == true ? Redirect(SafeReturnUrl(returnUrl)) : View(new LoginModel(null, returnUrl, null));

    [HttpPost("login")]
    public async Task<IActionResult> Login([FromForm] string? name, [FromForm] string? password, [FromForm] string? returnUrl)
    {
        var principal = users.SignIn(name, password);
        if (principal is null)
        {
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return View(new LoginModel(name, returnUrl, "Unknown name or wrong password."));
        }

        await HttpContext.SignInAsync(UiPolicies.Scheme, principal);
        return Redirect(SafeReturnUrl(returnUrl));
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        await HttpContext.SignOutAsync(UiPolicies.Scheme);
        return Redirect("/ui/login");
    }

    /// <summary>Only a local /ui address is followed after login (no open redirect).</summary>
    private string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith("/ui", StringComparison.Ordinal) ? returnUrl : "/ui/";
}

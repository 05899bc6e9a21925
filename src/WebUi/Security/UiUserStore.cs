using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DagMaster.WebUi.Security;

/// <summary>Checks a name and password against the configured logins; never stores or logs a password.</summary>
public sealed class UiUserStore(IOptionsMonitor<AdminUiOptions> options)
{
    // Verifying against this hash when the name is unknown keeps the answer time the same for every name.
    private static readonly string s_decoyHash = new PasswordHasher<AdminUiUser>().HashPassword(new AdminUiUser(), Guid.NewGuid().ToString());

    private readonly PasswordHasher<AdminUiUser> _hasher = new();

    /// <summary>Whether any local login is configured (the login form is shown only then).</summary>
    public bool HasLocalUsers => options.CurrentValue.Users.Any(u => u.Name.Length > 0 && UiRoles.IsKnown(u.Role));

    public ClaimsPrincipal? SignIn(string? name, string? password)
    {
        var user = options.CurrentValue.Users.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.Ordinal) && UiRoles.IsKnown(u.Role));
        if (string.IsNullOrEmpty(password))
        {
            return null;
        }

        var verified = Verify(user, password);
        if (user is null || !verified)
        {
            return null;
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Name), new Claim(ClaimTypes.Role, user.Role)],
            UiPolicies.Scheme,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    private bool Verify(AdminUiUser? user, string password)
    {
        try
        {
            return _hasher.VerifyHashedPassword(user ?? new AdminUiUser(), user?.PasswordHash ?? s_decoyHash, password) != PasswordVerificationResult.Failed;
        }
        catch (FormatException)
        {
            return false; // a malformed hash in configuration never lets anyone in
        }
    }
}

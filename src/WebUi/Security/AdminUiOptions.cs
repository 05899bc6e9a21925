namespace DagMaster.WebUi.Security;

/// <summary>
/// Configuration section <c>AdminUi</c>: the local operator logins (<c>AdminUi:Users:N:{Name,PasswordHash,Role}</c>)
/// and the OpenID Connect provider (<c>AdminUi:Oidc:*</c>).
/// </summary>
public sealed class AdminUiOptions
{
    public const string Section = "AdminUi";

    public List<AdminUiUser> Users { get; init; } = [];

    /// <summary>How long a login lasts without activity.</summary>
    public int SessionMinutes { get; init; } = 480;

    /// <summary>Login attempts one client address may make per minute (a token bucket of this size, refilled over a minute).</summary>
    public int LoginAttemptsPerMinute { get; init; } = 10;

    /// <summary>Login attempts per minute for one login name, from any address.</summary>
    public int LoginAttemptsPerMinutePerName { get; init; } = 5;

    /// <summary>OpenID Connect sign-in (<c>AdminUi:Oidc:*</c>); off while its authority is empty.</summary>
    public AdminUiOidcOptions Oidc { get; init; } = new();
}

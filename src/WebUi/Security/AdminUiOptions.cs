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

    /// <summary>OpenID Connect sign-in (<c>AdminUi:Oidc:*</c>); off while its authority is empty.</summary>
    public AdminUiOidcOptions Oidc { get; init; } = new();
}

namespace DagMaster.WebUi.Security;

/// <summary>
/// Configuration section <c>AdminUi:Oidc</c>: sign-in with an OpenID Connect provider (Entra ID). Off while
/// <see cref="Authority"/> is empty.
/// </summary>
public sealed class AdminUiOidcOptions
{
    /// <summary>The issuer, e.g. <c>https://login.microsoftonline.com/&lt;tenant-id&gt;/v2.0</c>.</summary>
    public string? Authority { get; init; }

    public string? ClientId { get; init; }

    /// <summary>Optional: a confidential client's secret (the code exchange uses PKCE either way).</summary>
    public string? ClientSecret { get; init; }

    public string CallbackPath { get; init; } = "/ui/signin-oidc";

    public string SignedOutCallbackPath { get; init; } = "/ui/signout-callback-oidc";

    /// <summary>The id token claim that carries the app roles (<c>operator</c>, <c>viewer</c>).</summary>
    public string RoleClaim { get; init; } = "roles";

    /// <summary>The button text on the login page.</summary>
    public string DisplayName { get; init; } = "Microsoft Entra ID";

    /// <summary>Only for a local test provider on plain http; keep true in every real environment.</summary>
    public bool RequireHttpsMetadata { get; init; } = true;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Authority);
}

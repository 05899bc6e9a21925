namespace DagMaster.WebUi.Models;

/// <summary>The login page: <see cref="ProviderName"/> is set when OpenID Connect sign-in is configured.</summary>
public sealed record LoginModel(string? Name, string? ReturnUrl, string? Error, bool LocalUsers = true, string? ProviderName = null);

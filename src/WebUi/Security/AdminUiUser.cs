namespace DagMaster.WebUi.Security;

/// <summary>A configured login. <see cref="PasswordHash"/> is in ASP.NET Core Identity's format (build/hash-password makes one).</summary>
public sealed class AdminUiUser
{
    public string Name { get; init; } = "";

    public string PasswordHash { get; init; } = "";

    public string Role { get; init; } = UiRoles.Viewer;
}

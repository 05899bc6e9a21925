namespace DagMaster.WebUi.Security;

/// <summary>The role claim values the admin pages know (ClaimTypes.Role), the same names the API uses.</summary>
public static class UiRoles
{
    public const string Operator = "operator";
    public const string Viewer = "viewer";

    public static bool IsKnown(string? role) => role is Operator or Viewer;
}

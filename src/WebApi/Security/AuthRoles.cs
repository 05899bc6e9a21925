namespace DagMaster.WebApi.Security;

/// <summary>The role claim values DagMaster's principals carry.</summary>
public static class AuthRoles
{
    public const string Operator = "operator";
    public const string Viewer = "viewer";
    public const string Platform = "platform";
    public const string Worker = "worker";

    /// <summary>The claim a platform principal carries with its platform id.</summary>
    public const string PlatformIdClaim = "platform_id";

    /// <summary>Names the credential a principal presented (<c>key:&lt;key id&gt;</c>, <c>admin:0</c>, <c>worker:1</c>), never the key itself.</summary>
    public const string CredentialClaim = "credential";
}

namespace DagMaster.WebUi.Security;

/// <summary>Authorization policies: operators may act, viewers (and operators) may look.</summary>
public static class UiPolicies
{
    public const string Operator = "UiOperator";
    public const string Viewer = "UiViewer";

    /// <summary>The cookie scheme of the admin pages.</summary>
    public const string Scheme = "DagMaster.Ui";

    /// <summary>The OpenID Connect scheme, registered when <c>AdminUi:Oidc:Authority</c> is set.</summary>
    public const string OidcScheme = "DagMaster.Ui.Oidc";
}

namespace DagMaster.WebApi.Security;

/// <summary>The authorization policies every endpoint group names.</summary>
public static class AuthPolicies
{
    /// <summary>Operators (admin keys, operator logins).</summary>
    public const string Operator = "Operator";

    /// <summary>Operators and viewers: read-only administration.</summary>
    public const string Viewer = "Viewer";

    /// <summary>Platform keys (their own tenant only) and operators.</summary>
    public const string Platform = "Platform";

    /// <summary>Reads open to platforms (own tenant), viewers and operators.</summary>
    public const string Reader = "Reader";

    /// <summary>Worker keys: the worker protocol only.</summary>
    public const string Worker = "Worker";
}

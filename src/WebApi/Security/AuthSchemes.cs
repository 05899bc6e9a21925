namespace DagMaster.WebApi.Security;

public static class AuthSchemes
{
    /// <summary>Picks <see cref="WorkerKey"/> for <c>Authorization: Bearer</c>, otherwise <see cref="ApiKey"/>.</summary>
    public const string Default = "DagMaster";

    /// <summary><c>X-Api-Key</c>: an admin key from ADMIN_KEYS or a platform API key.</summary>
    public const string ApiKey = "ApiKey";

    /// <summary><c>Authorization: Bearer</c> with a key from WORKER_KEYS.</summary>
    public const string WorkerKey = "WorkerKey";

    public const string ApiKeyHeader = "X-Api-Key";
}

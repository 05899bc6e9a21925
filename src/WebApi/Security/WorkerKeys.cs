namespace DagMaster.WebApi.Security;

/// <summary>WORKER_KEYS: the keys workers present as <c>Authorization: Bearer</c>.</summary>
internal sealed class WorkerKeys(IConfiguration configuration)
{
    public ConfiguredKeys Keys { get; } = new(configuration["WORKER_KEYS"]);
}

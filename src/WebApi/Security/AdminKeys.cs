namespace DagMaster.WebApi.Security;

/// <summary>ADMIN_KEYS: operator credentials sent as <c>X-Api-Key</c>.</summary>
internal sealed class AdminKeys(IConfiguration configuration)
{
    public ConfiguredKeys Keys { get; } = new(configuration["ADMIN_KEYS"]);
}

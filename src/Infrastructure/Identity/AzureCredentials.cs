using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace DagMaster.Infrastructure.Identity;

/// <summary>
/// The process's Entra credential for Azure Database for PostgreSQL and Service Bus: the managed identity in Azure
/// (<c>AZURE_CLIENT_ID</c> picks a user-assigned one), else the usual developer sign-ins (environment, Azure CLI).
/// </summary>
public static class AzureCredentials
{
    /// <summary>The audience of Azure Database for PostgreSQL's Entra tokens.</summary>
    public const string PostgresScope = "https://ossrdbms-aad.database.windows.net/.default";

    public static TokenCredential Create(IConfiguration configuration) => new DefaultAzureCredential(new DefaultAzureCredentialOptions
    {
        ManagedIdentityClientId = configuration["AZURE_CLIENT_ID"] is { Length: > 0 } clientId ? clientId.Trim() : null,
        ExcludeInteractiveBrowserCredential = true,
        ExcludeVisualStudioCredential = true,
        ExcludeVisualStudioCodeCredential = true,
    });
}

using DagMaster.Application.Platforms.Common;
using Microsoft.EntityFrameworkCore;

namespace DagMaster.Application.Platforms.AuthenticateApiKey;

public sealed class AuthenticateApiKeyQueryHandler(IReadModel readModel) : IQueryHandler<AuthenticateApiKeyQuery, ApiKeyLookup?>
{
    public async ValueTask<ApiKeyLookup?> Handle(AuthenticateApiKeyQuery query, CancellationToken cancellationToken)
    {
        var hash = ApiKeys.Hash(query.Key);
        return await readModel.PlatformApiKeys
            .Where(k => k.KeyHash == hash)
            .Join(readModel.Platforms, k => k.PlatformId, p => p.Id, (k, p) => new ApiKeyLookup(k.Id, p.Id, k.RevokedAt == null && p.IsActive))
            .FirstOrDefaultAsync(cancellationToken);
    }
}

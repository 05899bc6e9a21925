using DagMaster.Application.Platforms.Common;
using Microsoft.EntityFrameworkCore;

namespace DagMaster.Application.Platforms.AuthenticateApiKey;

public sealed class AuthenticateApiKeyQueryHandler(IReadModel readModel) : IQueryHandler<AuthenticateApiKeyQuery, string?>
{
    public async ValueTask<string?> Handle(AuthenticateApiKeyQuery query, CancellationToken cancellationToken)
    {
        var hash = ApiKeys.Hash(query.Key);
        return await readModel.PlatformApiKeys
            .Where(k => k.KeyHash == hash && k.RevokedAt == null)
            .Join(readModel.Platforms.Where(p => p.IsActive), k => k.PlatformId, p => p.Id, (k, p) => p.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }
}

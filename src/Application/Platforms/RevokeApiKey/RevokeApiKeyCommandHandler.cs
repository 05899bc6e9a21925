using DagMaster.Application.Common.Exceptions;
using DagMaster.Domain.Platforms;

namespace DagMaster.Application.Platforms.RevokeApiKey;

public sealed class RevokeApiKeyCommandHandler(IPlatformRepository platforms, TimeProvider clock) : ICommandHandler<RevokeApiKeyCommand>
{
    public async ValueTask<Unit> Handle(RevokeApiKeyCommand command, CancellationToken cancellationToken)
    {
        var platform = await platforms.GetAsync(command.PlatformId, cancellationToken) ?? throw new NotFoundException("Platform", command.PlatformId);
        if (platform.ApiKeys.All(k => k.Id != command.KeyId))
        {
            throw new NotFoundException("API key", command.KeyId.ToString());
        }

        platform.RevokeApiKey(command.KeyId, clock);
        return Unit.Value;
    }
}

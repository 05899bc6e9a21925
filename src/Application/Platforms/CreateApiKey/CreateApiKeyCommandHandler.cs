using DagMaster.Application.Common.Exceptions;
using DagMaster.Application.Platforms.Common;
using DagMaster.Domain.Platforms;

namespace DagMaster.Application.Platforms.CreateApiKey;

public sealed class CreateApiKeyCommandHandler(IPlatformRepository platforms, TimeProvider clock) : ICommandHandler<CreateApiKeyCommand, CreatedApiKeyDto>
{
    public async ValueTask<CreatedApiKeyDto> Handle(CreateApiKeyCommand command, CancellationToken cancellationToken)
    {
        var platform = await platforms.GetAsync(command.PlatformId, cancellationToken) ?? throw new NotFoundException("Platform", command.PlatformId);
        var key = ApiKeys.NewKey(platform.Id);
        var stored = platform.AddApiKey(command.Name ?? "default", ApiKeys.Hash(key), ApiKeys.PrefixOf(platform.Id, key), clock);
        return new CreatedApiKeyDto(stored.Id, platform.Id, stored.Name, stored.Prefix, key, stored.CreatedAt);
    }
}

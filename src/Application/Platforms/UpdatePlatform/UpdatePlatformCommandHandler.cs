using DagMaster.Application.Common.Exceptions;
using DagMaster.Application.Platforms.Common;
using DagMaster.Domain.Platforms;

namespace DagMaster.Application.Platforms.UpdatePlatform;

public sealed class UpdatePlatformCommandHandler(IPlatformRepository platforms, ISecretProtector secrets, TimeProvider clock) : ICommandHandler<UpdatePlatformCommand, PlatformDto>
{
    public async ValueTask<PlatformDto> Handle(UpdatePlatformCommand command, CancellationToken cancellationToken)
    {
        var platform = await platforms.GetAsync(command.PlatformId, cancellationToken) ?? throw new NotFoundException("Platform", command.PlatformId);
        platform.Update(command.Settings, clock);
        if (command.SigningSecret is { } secret)
        {
            platform.ChangeSigningSecret(secrets.Protect(secret), clock);
        }

        return PlatformMapping.ToDto(platform);
    }
}

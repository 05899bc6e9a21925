using DagMaster.Application.Common.Exceptions;
using DagMaster.Application.Platforms.Common;
using DagMaster.Domain.Platforms;

namespace DagMaster.Application.Platforms.RotateSigningSecret;

public sealed class RotateSigningSecretCommandHandler(IPlatformRepository platforms, ISecretProtector secrets, TimeProvider clock) : ICommandHandler<RotateSigningSecretCommand, SigningSecretDto>
{
    public async ValueTask<SigningSecretDto> Handle(RotateSigningSecretCommand command, CancellationToken cancellationToken)
    {
        var platform = await platforms.GetAsync(command.PlatformId, cancellationToken) ?? throw new NotFoundException("Platform", command.PlatformId);
        var secret = ApiKeys.NewSecret();
        platform.ChangeSigningSecret(secrets.Protect(secret), clock);
        return new SigningSecretDto(platform.Id, secret, platform.UpdatedAt);
    }
}

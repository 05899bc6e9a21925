using DagMaster.Domain.Platforms;

namespace DagMaster.Application.Platforms.ProtectSigningSecrets;

public sealed class ProtectSigningSecretsCommandHandler(IPlatformRepository platforms, ISecretProtector secrets, TimeProvider clock)
    : ICommandHandler<ProtectSigningSecretsCommand, int>
{
    public async ValueTask<int> Handle(ProtectSigningSecretsCommand command, CancellationToken cancellationToken)
    {
        var inClear = (await platforms.ListAsync(cancellationToken)).Where(p => !secrets.IsProtected(p.ProtectedSigningSecret)).ToList();
        foreach (var platform in inClear)
        {
            platform.ChangeSigningSecret(secrets.Protect(platform.ProtectedSigningSecret), clock);
        }

        return inClear.Count;
    }
}

using DagMaster.Application.Platforms.Common;
using DagMaster.Domain.Platforms;

namespace DagMaster.Application.Platforms.SeedPlatforms;

public sealed class SeedPlatformsCommandHandler(IPlatformRepository platforms, ISecretProtector secrets, TimeProvider clock) : ICommandHandler<SeedPlatformsCommand, IReadOnlyList<string>>
{
    public async ValueTask<IReadOnlyList<string>> Handle(SeedPlatformsCommand command, CancellationToken cancellationToken)
    {
        var created = new List<string>();
        foreach (var seed in command.Platforms)
        {
            if (await platforms.GetAsync(seed.PlatformId, cancellationToken) is null)
            {
                platforms.Add(Platform.Create(seed.PlatformId, seed.Settings, secrets.Protect(ApiKeys.NewSecret()), clock));
                created.Add(seed.PlatformId);
            }
        }

        return created;
    }
}

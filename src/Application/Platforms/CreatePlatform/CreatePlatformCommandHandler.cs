using DagMaster.Application.Platforms.Common;
using DagMaster.Domain.Platforms;
using DagMaster.Domain.Platforms.Rules;

namespace DagMaster.Application.Platforms.CreatePlatform;

public sealed class CreatePlatformCommandHandler(IPlatformRepository platforms, ISecretProtector secrets, TimeProvider clock)
    : ICommandHandler<CreatePlatformCommand, CreatePlatformResponse>
{
    public async ValueTask<CreatePlatformResponse> Handle(CreatePlatformCommand command, CancellationToken cancellationToken)
    {
        var existing = await platforms.GetAsync(command.PlatformId, cancellationToken);
        if (existing is not null)
        {
            throw new Domain.Common.BusinessRuleValidationException(new PlatformIdMustBeUniqueRule(command.PlatformId, exists: true));
        }

        var secret = command.SigningSecret ?? ApiKeys.NewSecret();
        var platform = Platform.Create(command.PlatformId, command.Settings, secrets.Protect(secret), clock);
        platforms.Add(platform);
        return new CreatePlatformResponse(PlatformMapping.ToDto(platform), secret);
    }
}

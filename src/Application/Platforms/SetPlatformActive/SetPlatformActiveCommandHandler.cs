using DagMaster.Application.Common.Exceptions;
using DagMaster.Application.Platforms.Common;
using DagMaster.Domain.Platforms;

namespace DagMaster.Application.Platforms.SetPlatformActive;

public sealed class SetPlatformActiveCommandHandler(IPlatformRepository platforms, TimeProvider clock) : ICommandHandler<SetPlatformActiveCommand, PlatformDto>
{
    public async ValueTask<PlatformDto> Handle(SetPlatformActiveCommand command, CancellationToken cancellationToken)
    {
        var platform = await platforms.GetAsync(command.PlatformId, cancellationToken) ?? throw new NotFoundException("Platform", command.PlatformId);
        if (command.Active)
        {
            platform.Activate(clock);
        }
        else
        {
            platform.Deactivate(clock);
        }

        return PlatformMapping.ToDto(platform);
    }
}

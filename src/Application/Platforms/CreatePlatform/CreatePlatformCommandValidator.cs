using DagMaster.Application.Platforms.Common;
using DagMaster.Domain.Platforms;

namespace DagMaster.Application.Platforms.CreatePlatform;

public sealed class CreatePlatformCommandValidator : AbstractValidator<CreatePlatformCommand>
{
    public CreatePlatformCommandValidator(ICallbackUrlPolicy callbacks)
    {
        RuleFor(c => c.PlatformId).NotEmpty().Matches(Platform.IdPattern).WithMessage("'platform_id' must match " + Platform.IdPattern);
        RuleFor(c => c.SigningSecret).MinimumLength(16).MaximumLength(256);
        PlatformSettingsRules.Apply(this, c => c.Settings, callbacks);
    }
}

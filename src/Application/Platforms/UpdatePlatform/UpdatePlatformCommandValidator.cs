using DagMaster.Application.Platforms.Common;

namespace DagMaster.Application.Platforms.UpdatePlatform;

public sealed class UpdatePlatformCommandValidator : AbstractValidator<UpdatePlatformCommand>
{
    public UpdatePlatformCommandValidator(ICallbackUrlPolicy callbacks)
    {
        RuleFor(c => c.SigningSecret).MinimumLength(16).MaximumLength(256);
        PlatformSettingsRules.Apply(this, c => c.Settings, callbacks);
    }
}

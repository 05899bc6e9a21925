namespace DagMaster.Application.Platforms.CreateApiKey;

public sealed class CreateApiKeyCommandValidator : AbstractValidator<CreateApiKeyCommand>
{
    public CreateApiKeyCommandValidator() => RuleFor(c => c.Name).MaximumLength(128);
}

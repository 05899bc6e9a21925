using System.Text.Json;

namespace DagMaster.Application.Assets.SubmitAsset;

public sealed class SubmitAssetCommandValidator : AbstractValidator<SubmitAssetCommand>
{
    public SubmitAssetCommandValidator()
    {
        RuleFor(c => c.RequestId).MaximumLength(128).Matches("^[A-Za-z0-9_.:-]+$")
            .WithMessage("'request_id' may hold letters, digits and _ . : - only");
        RuleFor(c => c.Kind).NotEmpty().MaximumLength(64);
        RuleFor(c => c.VersionLabel).MaximumLength(256);
        RuleFor(c => c.Priority).InclusiveBetween(0, 9);
        RuleFor(c => c.Refs).Must(r => r is { ValueKind: JsonValueKind.Object } refs
                && refs.EnumerateObject().All(p => p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number))
            .WithMessage("'refs' must be a JSON object of string or number values");
        RuleFor(c => c.Inputs).Must(i => i is null || i.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null)
            .WithMessage("'inputs' must be a JSON object");
    }
}

using System.Text.RegularExpressions;
using DagMaster.Domain.Platforms;

namespace DagMaster.Application.Platforms.Common;

/// <summary>The field rules every command that writes a registry entry shares.</summary>
internal static class PlatformSettingsRules
{
    private const string RefPattern = "^[A-Za-z][A-Za-z0-9_.-]{0,63}$";

    // The workflow id rule of the Workflows module, repeated: the registry may name a workflow loaded later.
    private const string WorkflowIdPattern = "^[a-z][a-z0-9_.-]{0,63}$";

    public static void Apply<T>(AbstractValidator<T> validator, Func<T, PlatformSettings> settings, ICallbackUrlPolicy callbacks)
    {
        validator.RuleFor(c => settings(c).DisplayName).NotEmpty().MaximumLength(128).OverridePropertyName("display_name");
        validator.RuleFor(c => settings(c).Description).MaximumLength(2000).OverridePropertyName("description");
        validator.RuleFor(c => settings(c).RequiredRefs).NotEmpty()
            .WithMessage("'required_refs' must name at least one ref key").OverridePropertyName("required_refs");
        validator.RuleForEach(c => settings(c).RequiredRefs.Concat(settings(c).OptionalRefs)).Matches(RefPattern)
            .WithMessage("ref keys must match " + RefPattern).OverridePropertyName("required_refs");
        validator.RuleFor(c => settings(c).VersionRef).Matches(RefPattern).OverridePropertyName("version_ref");
        validator.RuleFor(c => settings(c).Workflows).NotEmpty()
            .WithMessage("'workflows' must map at least one request kind to a workflow id").OverridePropertyName("workflows");
        validator.RuleForEach(c => settings(c).Workflows)
            .Must(w => Regex.IsMatch(w.Key, RefPattern) && Regex.IsMatch(w.Value, WorkflowIdPattern))
            .WithMessage("each request kind must match " + RefPattern + " and each workflow id " + WorkflowIdPattern)
            .OverridePropertyName("workflows");
        validator.RuleForEach(c => settings(c).AllowedWorkflows ?? Array.Empty<string>()).Matches(WorkflowIdPattern)
            .WithMessage("each allowed workflow id must match " + WorkflowIdPattern).OverridePropertyName("allowed_workflows");
        validator.RuleFor(c => settings(c).MaxPriority).InclusiveBetween(0, 9).OverridePropertyName("max_priority");
        validator.RuleFor(c => settings(c).MaxRunningJobs).InclusiveBetween(1, 1_000_000).OverridePropertyName("max_running_jobs");
        validator.RuleFor(c => settings(c).CallbackUrl).MaximumLength(2048).OverridePropertyName("callback_url");
        validator.RuleFor(c => settings(c).CallbackUrl).CustomAsync(async (url, context, cancellationToken) =>
        {
            if (url is not null && url.Length <= 2048 && await callbacks.ProblemAsync(url, cancellationToken) is { } problem)
            {
                context.AddFailure("callback_url", problem);
            }
        });
    }
}

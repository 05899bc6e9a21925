using DagMaster.Application.Common.Exceptions;
using FluentValidation.Results;

namespace DagMaster.Application.Common.Tenants;

/// <summary>
/// Checks a platform key's submission against its platform's policy before anything is added: the workflow
/// (403), the priority ceiling (422) and the jobs it has going (429). Scoped: jobs accepted earlier in the same
/// unit of work (a group commit) count too.
/// </summary>
public sealed class TenantGuard(ITenantPolicies policies)
{
    /// <summary>What a refused submission is told to wait before trying again.</summary>
    public const int RetryAfterSeconds = 5;

    private readonly Dictionary<string, int> _accepted = new(StringComparer.Ordinal);

    /// <param name="platformId">The platform whose key submits.</param>
    /// <param name="workflowId">The workflow asked for by id (null when a request kind chose it).</param>
    /// <param name="priority">The priority asked for.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task CheckAsync(string platformId, string? workflowId, int priority, CancellationToken cancellationToken)
    {
        var policy = await policies.FindAsync(platformId, cancellationToken) ?? throw new NotFoundException("Platform", platformId);
        if (workflowId is not null && !policy.Workflows.Contains(workflowId))
        {
            throw new ForbiddenException(
                $"platform '{platformId}' may submit only the workflows its request kinds map to or an operator allowed; '{workflowId}' is not one of them");
        }

        if (priority > policy.MaxPriority)
        {
            throw new ValidationException([new ValidationFailure("priority", $"platform '{platformId}' may submit jobs with a priority of at most {policy.MaxPriority}")]);
        }

        var accepted = _accepted.GetValueOrDefault(platformId);
        var active = await policies.CountActiveJobsAsync(platformId, policy.MaxRunningJobs, cancellationToken) + accepted;
        if (active >= policy.MaxRunningJobs)
        {
            throw new TooManyRequestsException(
                $"platform '{platformId}' has {policy.MaxRunningJobs} jobs pending or running, its limit; submit again when some have ended", RetryAfterSeconds);
        }

        _accepted[platformId] = accepted + 1;
    }
}

using DagMaster.Domain.Common;

namespace DagMaster.Domain.Workflows.Rules;

public sealed class RegisteredWorkflowVersionCannotChangeRule(string workflowId, int version, string registeredHash, string newHash) : IBusinessRule
{
    public string Message =>
        $"workflow '{workflowId}' version {version} is already registered with different content; give the changed file a new version";

    public bool IsBroken() => !string.Equals(registeredHash, newHash, StringComparison.Ordinal);
}

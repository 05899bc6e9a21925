using DagMaster.Application.Workflows.GetWorkflow;

namespace DagMaster.ArchitectureTests.Violations.Layers;

/// <summary>Violation: an "endpoint" that calls a handler instead of sending the query through the pipeline.</summary>
public sealed class CallsHandlerDirectly(GetWorkflowQueryHandler handler)
{
    public ValueTask<WorkflowDetailsDto?> Get(string workflowId, CancellationToken cancellationToken) =>
        handler.Handle(new GetWorkflowQuery(workflowId, null), cancellationToken);
}

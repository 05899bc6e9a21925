using DagMaster.Application.Workflows.GetWorkflow;
using Mediator;
using Microsoft.AspNetCore.Http;

namespace DagMaster.ArchitectureTests.Violations.Layers;

/// <summary>
/// Compliant control for the presentation rule: bind, send, return TypedResults. It still depends on
/// Application and ASP.NET Core, so it must fail the Domain and Application rules.
/// </summary>
public static class ThinEndpoint
{
    public static async Task<IResult> GetWorkflow(string workflowId, ISender sender, CancellationToken cancellationToken)
    {
        var workflow = await sender.Send(new GetWorkflowQuery(workflowId, null), cancellationToken);
        return workflow is null ? TypedResults.NotFound() : TypedResults.Ok(workflow);
    }
}

using DagMaster.Application.Workflows.GetWorkflow;
using DagMaster.Application.Workflows.ListWorkflows;
using DagMaster.Application.Workflows.LoadWorkflows;
using DagMaster.Application.Workflows.ValidateWorkflow;
using DagMaster.WebApi.Infrastructure;
using DagMaster.WebApi.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DagMaster.WebApi.Endpoints;

public static class WorkflowsEndpoints
{
    /// <summary>Workflow files are limited to 1 MiB; a bigger body is refused before it is read.</summary>
    public const int MaxWorkflowBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapWorkflowsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/workflows").WithTags("Workflows").RequireAuthorization(AuthPolicies.Reader);
        group.MapGet("/", ListWorkflows).WithName(nameof(ListWorkflows)).WithSummary("List registered workflows");
        group.MapGet("/{workflowId}", GetWorkflow).WithName(nameof(GetWorkflow)).WithSummary("Get a workflow definition");
        group.MapPost("/validate", ValidateWorkflow).WithName(nameof(ValidateWorkflow)).WithSummary("Validate workflow YAML")
            .Accepts<string>("application/yaml", "text/yaml", "application/x-yaml", "text/plain", "application/octet-stream");
        group.MapPost("/reload", ReloadWorkflows).WithName(nameof(ReloadWorkflows)).WithSummary("Reload workflows from disk").RequireAuthorization(AuthPolicies.Operator);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<WorkflowSummaryDto>>> ListWorkflows(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListWorkflowsQuery(), cancellationToken));

    public static async Task<Results<Ok<WorkflowDetailsDto>, ProblemHttpResult>> GetWorkflow(
        string workflowId, int? version, ISender sender, CancellationToken cancellationToken)
    {
        var workflow = await sender.Send(new GetWorkflowQuery(workflowId, version), cancellationToken);
        return workflow is null
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Workflow not found.",
                detail: version is null ? $"No workflow '{workflowId}' is registered." : $"Workflow '{workflowId}' has no version {version}.",
                type: ProblemTypes.NotFound)
            : TypedResults.Ok(workflow);
    }

    /// <summary>Checks posted YAML like a file load: 200 with the parsed graph, or 422 with every error.</summary>
    public static async Task<Results<Ok<WorkflowDetailsDto>, ProblemHttpResult>> ValidateWorkflow(
        HttpRequest request, ISender sender, CancellationToken cancellationToken)
    {
        var source = await RequestText.ReadAsync(request, MaxWorkflowBytes, cancellationToken);
        if (source is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "The workflow is too large.",
                detail: $"Workflow files are limited to {MaxWorkflowBytes:N0} bytes.",
                type: ProblemTypes.TooLarge);
        }

        var result = await sender.Send(new ValidateWorkflowQuery(source), cancellationToken);
        if (result.Workflow is { } workflow)
        {
            return TypedResults.Ok(workflow);
        }

        return TypedResults.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "The workflow is not valid.",
            detail: $"{result.Errors.Count} error(s) found.",
            type: ProblemTypes.InvalidWorkflow,
            extensions: new Dictionary<string, object?> { ["errors"] = result.Errors });
    }

    /// <summary>Re-reads WORKFLOWS_DIR and registers new versions.</summary>
    public static async Task<Ok<LoadWorkflowsResponse>> ReloadWorkflows(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new LoadWorkflowsCommand(), cancellationToken));
}

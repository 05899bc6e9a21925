using DagMaster.Application.Assets.GetRequestStatus;
using DagMaster.Application.Assets.SubmitAsset;
using DagMaster.Application.Platforms.ListWebhookDeliveries;
using DagMaster.WebApi.Contracts;
using DagMaster.WebApi.Infrastructure;
using DagMaster.WebApi.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DagMaster.WebApi.Endpoints;

/// <summary>The B2B surface of a platform: submit requests, follow their status; operators see its callbacks.</summary>
public static class SubmissionsEndpoints
{
    public static IEndpointRouteBuilder MapSubmissionsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/platforms/{platformId}").WithTags("B2B submissions");
        group.MapPost("/submissions", SubmitAsset).WithName(nameof(SubmitAsset)).WithSummary("Submit a processing request").RequireAuthorization(AuthPolicies.Platform);
        group.MapGet("/requests/{requestId}", GetRequestStatus).WithName(nameof(GetRequestStatus)).WithSummary("Get a request's status").RequireAuthorization(AuthPolicies.Reader);
        group.MapGet("/webhooks", ListWebhookDeliveries).WithName(nameof(ListWebhookDeliveries)).WithSummary("List callback deliveries").RequireAuthorization(AuthPolicies.Viewer);
        return app;
    }

    /// <summary>
    /// Accepts a processing request in one transaction: 202 with the asset, version ordinal, revision and the
    /// status URL. A repeated <c>request_id</c> (or Idempotency-Key) answers the first submission.
    /// </summary>
    public static async Task<Results<Accepted<SubmissionResponse>, ProblemHttpResult>> SubmitAsset(
        string platformId,
        SubmissionRequest request,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        HttpContext context,
        ISender sender,
        CancellationToken cancellationToken)
    {
        if (!Tenant.MayAccess(context, platformId))
        {
            return Problems.NotFound("Platform", platformId);
        }

        var response = await sender.Send(
            new SubmitAssetCommand(platformId, request.RequestId ?? idempotencyKey, request.Kind, request.Refs, request.VersionLabel, request.Inputs, request.Priority, Callers.Of(context), Tenant.Of(context) is not null),
            cancellationToken);
        return TypedResults.Accepted(response.StatusUrl, response);
    }

    /// <summary>The B2B view of a request: status, progress, asset, version, revision, approval and artifacts.</summary>
    public static async Task<Results<Ok<RequestStatusDto>, ProblemHttpResult>> GetRequestStatus(
        string platformId, string requestId, HttpContext context, ISender sender, CancellationToken cancellationToken)
    {
        var status = Tenant.MayAccess(context, platformId) ? await sender.Send(new GetRequestStatusQuery(platformId, requestId), cancellationToken) : null;
        return status is null ? Problems.NotFound("Request", requestId) : TypedResults.Ok(status);
    }

    /// <summary>The platform's callbacks, newest first, with attempts and outcomes.</summary>
    public static async Task<Ok<IReadOnlyList<WebhookDeliveryDto>>> ListWebhookDeliveries(
        string platformId, [FromQuery(Name = "request_id")] string? requestId, int? limit, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListWebhookDeliveriesQuery(platformId, requestId, limit ?? 100), cancellationToken));
}

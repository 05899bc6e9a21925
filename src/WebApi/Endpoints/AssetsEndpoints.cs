using DagMaster.Application.Assets.Common;
using DagMaster.Application.Assets.DeleteAsset;
using DagMaster.Application.Assets.GetAsset;
using DagMaster.Application.Assets.ListAssets;
using DagMaster.Application.Assets.ReviewVersion;
using DagMaster.Application.Assets.RollbackVersion;
using DagMaster.Application.Assets.SetClearance;
using DagMaster.WebApi.Contracts;
using DagMaster.WebApi.Infrastructure;
using DagMaster.WebApi.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DagMaster.WebApi.Endpoints;

/// <summary>Assets, their versions and revisions; review, rollback, clearance and deletion are for operators.</summary>
public static class AssetsEndpoints
{
    public static IEndpointRouteBuilder MapAssetsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/assets").WithTags("Assets");
        group.MapGet("/", ListAssets).WithName(nameof(ListAssets)).WithSummary("List assets").RequireAuthorization(AuthPolicies.Reader);
        group.MapGet("/{assetId}", GetAsset).WithName(nameof(GetAsset)).WithSummary("Get an asset with its versions").RequireAuthorization(AuthPolicies.Reader);
        group.MapGet("/{assetId}/versions/{ordinal:int}", GetAssetVersion).WithName(nameof(GetAssetVersion)).WithSummary("Get an asset version with its revisions").RequireAuthorization(AuthPolicies.Reader);
        group.MapPost("/{assetId}/versions/{ordinal:int}/approve", ApproveVersion).WithName(nameof(ApproveVersion)).WithSummary("Approve a version").RequireAuthorization(AuthPolicies.Operator);
        group.MapPost("/{assetId}/versions/{ordinal:int}/reject", RejectVersion).WithName(nameof(RejectVersion)).WithSummary("Reject a version").RequireAuthorization(AuthPolicies.Operator);
        group.MapPost("/{assetId}/versions/{ordinal:int}/rollback", RollbackVersion).WithName(nameof(RollbackVersion)).WithSummary("Roll a version back to an earlier revision").RequireAuthorization(AuthPolicies.Operator);
        group.MapPost("/{assetId}/clearance", SetClearance).WithName(nameof(SetClearance)).WithSummary("Set an asset's clearance").RequireAuthorization(AuthPolicies.Operator);
        group.MapDelete("/{assetId}", DeleteAsset).WithName(nameof(DeleteAsset)).WithSummary("Delete an asset").RequireAuthorization(AuthPolicies.Operator);
        return app;
    }

    /// <summary>Assets by id; <c>ref.&lt;key&gt;=&lt;value&gt;</c> filters by platform refs; a platform key sees its own only.</summary>
    public static async Task<Ok<AssetPageDto>> ListAssets(
        [FromQuery(Name = "platform_id")] string? platformId,
        [FromQuery(Name = "include_deleted")] bool? includeDeleted,
        int? limit,
        string? cursor,
        HttpContext context,
        ISender sender,
        CancellationToken cancellationToken)
    {
        var refs = context.Request.Query
            .Where(q => q.Key.StartsWith("ref.", StringComparison.Ordinal) && q.Key.Length > 4)
            .ToDictionary(q => q.Key[4..], q => q.Value.ToString(), StringComparer.Ordinal);
        return TypedResults.Ok(await sender.Send(
            new ListAssetsQuery(Tenant.Of(context) ?? platformId, refs.Count > 0 ? refs : null, includeDeleted ?? false, limit ?? 50, cursor),
            cancellationToken));
    }

    public static async Task<Results<Ok<AssetDto>, ProblemHttpResult>> GetAsset(
        string assetId, HttpContext context, ISender sender, CancellationToken cancellationToken)
    {
        var asset = await sender.Send(new GetAssetQuery(assetId, Tenant.Of(context)), cancellationToken);
        return asset is null ? Problems.NotFound("Asset", assetId) : TypedResults.Ok(asset);
    }

    public static async Task<Results<Ok<AssetVersionDto>, ProblemHttpResult>> GetAssetVersion(
        string assetId, int ordinal, HttpContext context, ISender sender, CancellationToken cancellationToken)
    {
        var asset = await sender.Send(new GetAssetQuery(assetId, Tenant.Of(context)), cancellationToken);
        var version = asset?.Versions.SingleOrDefault(v => v.Ordinal == ordinal);
        return version is null ? Problems.NotFound("Asset version", $"{assetId}/{ordinal}") : TypedResults.Ok(version);
    }

    /// <summary>Approves a version under review whose current revision completed; 409 otherwise.</summary>
    public static async Task<Ok<AssetVersionDto>> ApproveVersion(string assetId, int ordinal, HttpContext context, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ReviewVersionCommand(assetId, ordinal, Approve: true, null, Callers.Of(context)), cancellationToken));

    /// <summary>Rejects a version under review; <c>reason</c> is required (422 without).</summary>
    public static async Task<Ok<AssetVersionDto>> RejectVersion(
        string assetId, int ordinal, RejectVersionRequest? request, HttpContext context, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ReviewVersionCommand(assetId, ordinal, Approve: false, request?.Reason, Callers.Of(context)), cancellationToken));

    /// <summary>Makes an earlier completed revision current again; its artifacts become the version's.</summary>
    public static async Task<Ok<AssetVersionDto>> RollbackVersion(
        string assetId, int ordinal, RollbackRequest request, HttpContext context, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new RollbackVersionCommand(assetId, ordinal, request.Revision, Callers.Of(context)), cancellationToken));

    /// <summary>Moves the clearance forward (uncleared → ouo → public); 409 for a step back.</summary>
    public static async Task<Ok<AssetDto>> SetClearance(
        string assetId, ClearanceRequest request, HttpContext context, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new SetClearanceCommand(assetId, request.Clearance, Callers.Of(context)), cancellationToken));

    /// <summary>Soft-deletes the asset; later submissions for it answer 409.</summary>
    public static async Task<NoContent> DeleteAsset(string assetId, HttpContext context, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(new DeleteAssetCommand(assetId, Callers.Of(context)), cancellationToken);
        return TypedResults.NoContent();
    }
}

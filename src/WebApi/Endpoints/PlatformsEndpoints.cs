using DagMaster.Application.Platforms.Common;
using DagMaster.Application.Platforms.CreateApiKey;
using DagMaster.Application.Platforms.CreatePlatform;
using DagMaster.Application.Platforms.GetPlatform;
using DagMaster.Application.Platforms.ListPlatforms;
using DagMaster.Application.Platforms.RevokeApiKey;
using DagMaster.Application.Platforms.RotateSigningSecret;
using DagMaster.Application.Platforms.SetPlatformActive;
using DagMaster.Application.Platforms.UpdatePlatform;
using DagMaster.WebApi.Contracts;
using DagMaster.WebApi.Infrastructure;
using DagMaster.WebApi.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DagMaster.WebApi.Endpoints;

/// <summary>
/// The platform registry: operators manage entries and keys; a platform key reads its own entry. Policies are set
/// per endpoint because a group policy would add to, not replace, an endpoint's.
/// </summary>
public static class PlatformsEndpoints
{
    public static IEndpointRouteBuilder MapPlatformsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/platforms").WithTags("Platforms");
        group.MapGet("/", ListPlatforms).WithName(nameof(ListPlatforms)).WithSummary("List platforms").RequireAuthorization(AuthPolicies.Reader);
        group.MapGet("/{platformId}", GetPlatform).WithName(nameof(GetPlatform)).WithSummary("Get a platform").RequireAuthorization(AuthPolicies.Reader);
        group.MapPost("/", CreatePlatform).WithName(nameof(CreatePlatform)).WithSummary("Register a platform").RequireAuthorization(AuthPolicies.Operator);
        group.MapPut("/{platformId}", UpdatePlatform).WithName(nameof(UpdatePlatform)).WithSummary("Update a platform").RequireAuthorization(AuthPolicies.Operator);
        group.MapPost("/{platformId}/deactivate", DeactivatePlatform).WithName(nameof(DeactivatePlatform)).WithSummary("Deactivate a platform").RequireAuthorization(AuthPolicies.Operator);
        group.MapPost("/{platformId}/activate", ActivatePlatform).WithName(nameof(ActivatePlatform)).WithSummary("Activate a platform").RequireAuthorization(AuthPolicies.Operator);
        group.MapPost("/{platformId}/keys", CreateApiKey).WithName(nameof(CreateApiKey)).WithSummary("Issue an API key").RequireAuthorization(AuthPolicies.Operator);
        group.MapPost("/{platformId}/signing-secret/rotate", RotateSigningSecret).WithName(nameof(RotateSigningSecret)).WithSummary("Rotate the callback signing secret").RequireAuthorization(AuthPolicies.Operator);
        group.MapPost("/{platformId}/keys/{keyId:guid}/revoke", RevokeApiKey).WithName(nameof(RevokeApiKey)).WithSummary("Revoke an API key").RequireAuthorization(AuthPolicies.Operator);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<PlatformDto>>> ListPlatforms(HttpContext context, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListPlatformsQuery(Tenant.Of(context)), cancellationToken));

    public static async Task<Results<Ok<PlatformDto>, ProblemHttpResult>> GetPlatform(
        string platformId, HttpContext context, ISender sender, CancellationToken cancellationToken)
    {
        var platform = Tenant.MayAccess(context, platformId) ? await sender.Send(new GetPlatformQuery(platformId), cancellationToken) : null;
        return platform is null ? Problems.NotFound("Platform", platformId) : TypedResults.Ok(platform);
    }

    /// <summary>Registers a platform: 201 with the entry and its signing secret (shown only here).</summary>
    public static async Task<Created<CreatePlatformResponse>> CreatePlatform(PlatformRequest request, ISender sender, CancellationToken cancellationToken)
    {
        var response = await sender.Send(new CreatePlatformCommand(request.PlatformId ?? string.Empty, request.ToSettings(), request.SigningSecret), cancellationToken);
        return TypedResults.Created($"/api/v1/platforms/{response.Platform.PlatformId}", response);
    }

    public static async Task<Ok<PlatformDto>> UpdatePlatform(string platformId, PlatformRequest request, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new UpdatePlatformCommand(platformId, request.ToSettings(), request.SigningSecret), cancellationToken));

    public static async Task<Ok<PlatformDto>> DeactivatePlatform(string platformId, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new SetPlatformActiveCommand(platformId, Active: false), cancellationToken));

    public static async Task<Ok<PlatformDto>> ActivatePlatform(string platformId, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new SetPlatformActiveCommand(platformId, Active: true), cancellationToken));

    /// <summary>Issues an API key: 201 with the key, which is never shown again (only its hash is stored).</summary>
    public static async Task<Created<CreatedApiKeyDto>> CreateApiKey(
        string platformId, CreateApiKeyRequest? request, ISender sender, CancellationToken cancellationToken)
    {
        var key = await sender.Send(new CreateApiKeyCommand(platformId, request?.Name), cancellationToken);
        return TypedResults.Created($"/api/v1/platforms/{platformId}", key);
    }

    /// <summary>A new signing secret for the platform's callbacks, shown only in this answer; later callbacks are signed with it.</summary>
    public static async Task<Ok<SigningSecretDto>> RotateSigningSecret(string platformId, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new RotateSigningSecretCommand(platformId), cancellationToken));

    public static async Task<NoContent> RevokeApiKey(string platformId, Guid keyId, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(new RevokeApiKeyCommand(platformId, keyId), cancellationToken);
        return TypedResults.NoContent();
    }
}

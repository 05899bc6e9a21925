using Microsoft.AspNetCore.Authorization;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors.Contexts;

namespace DagMaster.WebApi.OpenApi;

/// <summary>What the processors read from an endpoint: its metadata, as routing and authorization see it.</summary>
internal static class EndpointMetadata
{
    public static IReadOnlyList<object> Of(OperationProcessorContext context) =>
        context is AspNetCoreOperationProcessorContext aspNet ? aspNet.ApiDescription.ActionDescriptor.EndpointMetadata.ToList() : [];

    /// <summary>The endpoint's own policy when it has one (it is declared after its group's), else its group's; null when anonymous.</summary>
    public static string? PolicyOf(OperationProcessorContext context)
    {
        var metadata = Of(context);
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return null;
        }

        var policies = metadata.OfType<IAuthorizeData>().ToList();
        return policies.Count == 0 ? null : policies[^1].Policy ?? string.Empty;
    }
}

using Microsoft.AspNetCore.Http.Metadata;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace DagMaster.WebApi.OpenApi;

/// <summary>
/// The short summary comes from <c>WithSummary</c> beside the route; the handler's XML <c>&lt;summary&gt;</c>, which
/// the generator read as the summary, becomes the description.
/// </summary>
internal sealed class OperationTextProcessor : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        var operation = context.OperationDescription.Operation;
        var metadata = EndpointMetadata.Of(context);
        if (metadata.OfType<IEndpointSummaryMetadata>().LastOrDefault()?.Summary is { } summary)
        {
            if (string.IsNullOrWhiteSpace(operation.Description) && operation.Summary != summary)
            {
                operation.Description = operation.Summary;
            }

            operation.Summary = summary;
        }

        if (metadata.OfType<IEndpointDescriptionMetadata>().LastOrDefault()?.Description is { } description)
        {
            operation.Description = description;
        }

        return true;
    }
}

using Microsoft.AspNetCore.Http.Metadata;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace DagMaster.WebApi.OpenApi;

/// <summary>A body read as text (<c>Accepts&lt;string&gt;(…)</c>) is documented with the content types the endpoint accepts, not as JSON.</summary>
internal sealed class AcceptedContentProcessor : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        var accepts = EndpointMetadata.Of(context).OfType<IAcceptsMetadata>().LastOrDefault();
        var body = context.OperationDescription.Operation.RequestBody;
        if (accepts?.RequestType != typeof(string) || body is null || accepts.ContentTypes.Count == 0)
        {
            return true;
        }

        body.Content.Clear();
        foreach (var contentType in accepts.ContentTypes)
        {
            body.Content[contentType] = new OpenApiMediaType { Schema = new NJsonSchema.JsonSchema { Type = NJsonSchema.JsonObjectType.String } };
        }

        body.Description = "The workflow's YAML source.";
        return true;
    }
}

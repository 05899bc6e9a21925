using NJsonSchema;
using NSwag;

namespace DagMaster.WebApi.OpenApi;

/// <summary>The RFC 9457 Problem Details shapes every error answer has, as document components.</summary>
internal static class ProblemSchemas
{
    public const string ProblemDetails = "ProblemDetails";
    public const string ValidationProblemDetails = "ValidationProblemDetails";

    public static JsonSchema Problem(OpenApiDocument document) => Ensure(document, ProblemDetails, CreateProblem);

    public static JsonSchema ValidationProblem(OpenApiDocument document)
    {
        var problem = Problem(document);
        return Ensure(document, ValidationProblemDetails, () =>
        {
            var schema = new JsonSchema
            {
                Type = JsonObjectType.Object,
                Description = "A 422 answer: the Problem Details with every field error at once.",
            };
            schema.AllOf.Add(new JsonSchema { Reference = problem });
            schema.Properties["errors"] = new JsonSchemaProperty
            {
                Type = JsonObjectType.Object,
                Description = "Messages by field name (snake_case, as in the request); a field may have several.",
                AdditionalPropertiesSchema = new JsonSchema { Type = JsonObjectType.Array, Item = new JsonSchema { Type = JsonObjectType.String } },
            };
            return schema;
        });
    }

    private static JsonSchema CreateProblem()
    {
        var schema = new JsonSchema
        {
            Type = JsonObjectType.Object,
            AllowAdditionalProperties = true,
            Description = "An error answer (RFC 9457, application/problem+json). Branch on `type`; `title` and `detail` are for people.",
        };
        schema.Properties["type"] = new JsonSchemaProperty
        {
            Type = JsonObjectType.String,
            Format = "uri",
            Description = "Stable identifier of the kind of error, e.g. https://dagmaster.dev/problems/not-found.",
        };
        schema.Properties["title"] = new JsonSchemaProperty { Type = JsonObjectType.String, Description = "Short human-readable summary." };
        schema.Properties["status"] = new JsonSchemaProperty { Type = JsonObjectType.Integer, Format = "int32", Description = "The HTTP status code." };
        schema.Properties["detail"] = new JsonSchemaProperty { Type = JsonObjectType.String, Description = "What went wrong in this request." };
        schema.Properties["instance"] = new JsonSchemaProperty { Type = JsonObjectType.String, Description = "The request path, when given." };
        schema.Properties["trace_id"] = new JsonSchemaProperty { Type = JsonObjectType.String, Description = "Quote it when asking operators about this request." };
        return schema;
    }

    private static JsonSchema Ensure(OpenApiDocument document, string name, Func<JsonSchema> create)
    {
        if (!document.Components.Schemas.TryGetValue(name, out var schema))
        {
            schema = create();
            document.Components.Schemas[name] = schema;
        }

        return schema;
    }
}

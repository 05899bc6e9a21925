using NJsonSchema;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace DagMaster.WebApi.OpenApi;

/// <summary>
/// OpenAPI 3.0 allows <c>nullable</c> only beside a <c>type</c>. The generator writes it beside a lone
/// <c>oneOf: [$ref]</c> (a nullable object) and on untyped free-form JSON values. The first becomes
/// <c>type: object, nullable: true, allOf: [$ref]</c>, the way 3.0 spells a nullable reference; the second loses
/// <c>nullable</c>, since a schema without a type already admits null.
/// </summary>
internal sealed class NullableSchemaProcessor : IDocumentProcessor
{
    public void Process(DocumentProcessorContext context)
    {
        var seen = new HashSet<JsonSchema>();
        foreach (var schema in context.Document.Components.Schemas.Values)
        {
            Visit(schema, seen);
        }
    }

    private static void Visit(JsonSchema schema, HashSet<JsonSchema> seen)
    {
        if (!seen.Add(schema))
        {
            return;
        }

        Fix(schema);
        foreach (var child in schema.Properties.Values.Cast<JsonSchema>()
            .Concat(schema.AllOf).Concat(schema.OneOf).Concat(schema.AnyOf)
            .Append(schema.Item).Append(schema.AdditionalPropertiesSchema).OfType<JsonSchema>())
        {
            if (child.Reference is null) // HasReference is also true for a lone oneOf/allOf reference
            {
                Visit(child, seen);
            }
        }
    }

    private static void Fix(JsonSchema schema)
    {
        if (schema.IsNullableRaw != true || schema.Type != JsonObjectType.None)
        {
            return;
        }

        // A nullable reference, which the generator writes as `nullable` beside `oneOf: [$ref]`.
        if (schema.OneOf.Count == 1 && schema.AllOf.Count == 0)
        {
            var reference = schema.OneOf.Single();
            schema.OneOf.Clear();
            schema.AllOf.Add(reference);
            var target = reference.ActualSchema;
            schema.Type = target.Type == JsonObjectType.None ? JsonObjectType.Object : target.Type;
            return;
        }

        if (schema.OneOf.Count == 0 && schema.AllOf.Count == 0 && schema.AnyOf.Count == 0)
        {
            schema.IsNullableRaw = null;
        }
    }
}

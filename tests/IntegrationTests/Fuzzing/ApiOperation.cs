using System.Text.Json;

namespace DagMaster.IntegrationTests.Fuzzing;

/// <summary>One operation of the OpenAPI document: its parameters and, when it has one, its body's media type and schema.</summary>
public sealed record ApiOperation(
    string Method,
    string PathTemplate,
    IReadOnlyList<ApiParameter> Parameters,
    string? BodyMediaType,
    JsonElement? BodySchema,
    IReadOnlySet<string> DocumentedStatuses)
{
    public string Name => $"{Method} {PathTemplate}";

    /// <summary>Every operation of an OpenAPI 3 document.</summary>
    public static IReadOnlyList<ApiOperation> AllOf(JsonElement document)
    {
        var operations = new List<ApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var list)
                    ? list.EnumerateArray().Select(p => new ApiParameter(
                        p.GetProperty("name").GetString()!,
                        p.GetProperty("in").GetString()!,
                        p.TryGetProperty("schema", out var schema) && schema.TryGetProperty("type", out var type) ? type.GetString() : null)).ToList()
                    : [];
                string? mediaType = null;
                JsonElement? bodySchema = null;
                if (operation.Value.TryGetProperty("requestBody", out var body))
                {
                    var content = body.GetProperty("content").EnumerateObject().First();
                    mediaType = content.Name;
                    bodySchema = content.Value.TryGetProperty("schema", out var s) ? s : null;
                }

                var documented = operation.Value.TryGetProperty("responses", out var responses)
                    ? responses.EnumerateObject().Select(r => r.Name).ToHashSet(StringComparer.Ordinal)
                    : [];
                operations.Add(new ApiOperation(operation.Name.ToUpperInvariant(), path.Name, parameters, mediaType, bodySchema, documented));
            }
        }

        return operations;
    }
}

using DagMaster.WebApi.Infrastructure;
using DagMaster.WebApi.Security;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace DagMaster.WebApi.OpenApi;

/// <summary>
/// Documents every error answer an operation can give, each as Problem Details with its stable <c>type</c> values.
/// The statuses follow from what the operation has: any request can be unreadable (400: malformed JSON, or text in the
/// path, query or headers that cannot be stored); a credential (401, 403, 429), path ids or a body naming a task or
/// workflow (404), a body or query (422; a body also 413 and 415), a change (409), a worker attempt (410).
/// </summary>
internal sealed class ProblemResponsesProcessor : IOperationProcessor
{
    private const string ProblemJson = "application/problem+json";

    public bool Process(OperationProcessorContext context)
    {
        var description = context.OperationDescription;
        var operation = description.Operation;
        var policy = EndpointMetadata.PolicyOf(context);
        var parameters = operation.ActualParameters.ToList();
        var hasBody = operation.RequestBody is not null;
        var hasQuery = parameters.Any(p => p.Kind == OpenApiParameterKind.Query);
        var isChange = !string.Equals(description.Method, "get", StringComparison.OrdinalIgnoreCase);
        var bodyProperties = operation.RequestBody?.Content.Values.FirstOrDefault()?.Schema?.ActualSchema.ActualProperties;
        var namesTask = parameters.Any(p => p.Name == "taskId") || bodyProperties?.ContainsKey("task_id") == true;

        Add(context, "400", "The request could not be read (malformed JSON, a value of the wrong type, text that cannot be stored).",
            ProblemTypes.BadRequest);

        if (policy is not null)
        {
            Add(context, "401", "No credential, or an unknown or revoked one.", ProblemTypes.Unauthorized);
            Add(context, "403", "The credential is valid but may not make this call.", ProblemTypes.Forbidden);
        }

        if (parameters.Any(p => p.Kind == OpenApiParameterKind.Path) || namesTask || bodyProperties?.ContainsKey("workflow_id") == true)
        {
            Add(context, "404", "No such resource, or it belongs to another platform.", ProblemTypes.NotFound);
        }

        if (isChange)
        {
            Add(context, "409", "A business rule refused the change, or a concurrent request changed the same resource.",
                policy == AuthPolicies.Worker
                    ? [ProblemTypes.Conflict, ProblemTypes.ConcurrentWrite, ProblemTypes.TransportMismatch]
                    : [ProblemTypes.Conflict, ProblemTypes.ConcurrentWrite]);
        }

        if (policy == AuthPolicies.Worker && namesTask)
        {
            Add(context, "410", "The task is no longer the node's current attempt; stop working on it.", ProblemTypes.AttemptGone);
        }

        if (hasBody)
        {
            Add(context, "413", "The body is larger than the limit.", ProblemTypes.BadRequest, ProblemTypes.TooLarge);
            Add(context, "415", "The body's media type is not one this operation reads.", ProblemTypes.UnsupportedMediaType);
        }

        if (hasBody || hasQuery)
        {
            AddValidation(context);
        }

        if (policy is not null)
        {
            Add(context, "429", "The credential's rate limit or its platform's quota is reached; wait for Retry-After seconds.",
                ProblemTypes.RateLimited, ProblemTypes.TooManyRequests);
        }

        return true;
    }

    private static void Add(OperationProcessorContext context, string status, string what, params string[] types) =>
        Add(context, status, what, ProblemSchemas.Problem(context.Document), types);

    private static void AddValidation(OperationProcessorContext context)
    {
        var isWorkflowValidation = context.OperationDescription.Operation.OperationId == "ValidateWorkflow";
        if (isWorkflowValidation)
        {
            Add(context, "422", "The workflow is not valid; `errors` lists every problem with its location.",
                ProblemSchemas.Problem(context.Document), ProblemTypes.InvalidWorkflow, ProblemTypes.Validation);
            return;
        }

        Add(context, "422", "The request is not valid; `errors` names every field at once.",
            ProblemSchemas.ValidationProblem(context.Document), ProblemTypes.Validation);
    }

    private static void Add(OperationProcessorContext context, string status, string what, JsonSchema schema, params string[] types)
    {
        var responses = context.OperationDescription.Operation.Responses;
        if (responses.ContainsKey(status))
        {
            return;
        }

        var response = new OpenApiResponse
        {
            Description = $"{what} `type`: {string.Join(", ", types.Select(t => $"`{t}`"))}.",
        };
        response.Content[ProblemJson] = new OpenApiMediaType
        {
            Schema = new JsonSchema { Reference = schema },
            Example = new JObject
            {
                ["type"] = types[0],
                ["title"] = what[..(what.IndexOf('.') is var dot and > 0 ? dot + 1 : what.Length)],
                ["status"] = int.Parse(status, System.Globalization.CultureInfo.InvariantCulture),
                ["trace_id"] = "0HNA7K2M4Q3VR:00000001",
            },
        };
        responses[status] = response;
    }
}

using DagMaster.WebApi.Security;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace DagMaster.WebApi.OpenApi;

/// <summary>
/// Declares each operation's credential from its authorization policy: worker calls need <c>WorkerKey</c>,
/// every other protected call <c>ApiKey</c> (a platform or operator key); open probes declare the empty requirement <c>{}</c>.
/// The description names who may call.
/// </summary>
internal sealed class SecurityRequirementProcessor : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        var operation = context.OperationDescription.Operation;
        var policy = EndpointMetadata.PolicyOf(context);
        operation.Security = policy switch
        {
            // One empty requirement: "no credential". (An empty list would mean the same but is not written out.)
            null => [new OpenApiSecurityRequirement()],
            AuthPolicies.Worker => [new OpenApiSecurityRequirement { [AuthSchemes.WorkerKey] = [] }],
            _ => [new OpenApiSecurityRequirement { [AuthSchemes.ApiKey] = [] }],
        };
        operation.Description = Join(operation.Description, "Who may call: " + WhoMayCall(policy));
        return true;
    }

    private static string WhoMayCall(string? policy) => policy switch
    {
        null => "anyone; no credential is needed.",
        AuthPolicies.Worker => "workers, with a worker key (WORKER_KEYS).",
        AuthPolicies.Operator => "operators, with an operator key (ADMIN_KEYS).",
        AuthPolicies.Viewer => "operators (and viewers signed in to the admin pages).",
        AuthPolicies.Platform => "a platform's API key for its own platform, or an operator key.",
        AuthPolicies.Reader => "a platform's API key (its own data only; another platform's ids answer 404), or an operator key.",
        _ => "authenticated callers.",
    };

    private static string Join(string? text, string line) => string.IsNullOrWhiteSpace(text) ? line : text.TrimEnd() + "\n\n" + line;
}

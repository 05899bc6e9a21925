using System.Text.Json.Nodes;

namespace DagMaster.Worker.Handlers;

/// <summary>
/// <c>fail</c>: always fails with <c>message</c> (default "failure requested"), type <c>requested_failure</c>,
/// <c>retryable</c> from params (default true).
/// </summary>
public sealed class FailHandler : ITaskHandler
{
    public const string HandlerName = "fail";
    public const string ErrorType = "requested_failure";
    public const string DefaultMessage = "failure requested";

    public string Name => HandlerName;

    public Task<JsonObject> HandleAsync(TaskContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = HandlerParams.GetString(context.Params, "message") ?? DefaultMessage;
        var retryable = HandlerParams.GetBoolean(context.Params, "retryable", true);
        return Task.FromException<JsonObject>(new TaskFailedException(message, ErrorType, retryable));
    }
}

using System.Text.Json.Nodes;

namespace DagMaster.Worker.Handlers;

/// <summary>
/// <c>multi_phase</c>: the checkpointing echo under its own name; <c>steps</c> defaults to 3 (see <see cref="EchoHandler"/>).
/// </summary>
public sealed class MultiPhaseHandler(TimeProvider timeProvider) : ITaskHandler
{
    public const string HandlerName = "multi_phase";
    public const int DefaultSteps = 3;

    public string Name => HandlerName;

    public Task<JsonObject> HandleAsync(TaskContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var steps = HandlerParams.GetInteger(context.Params, "steps", DefaultSteps);
        return steps < 1
            ? throw TaskFailedException.InvalidParams($"'steps' must be at least 1, not {steps}.")
            : StepRunner.RunAsync(HandlerName, context, steps, timeProvider, cancellationToken);
    }
}

using System.Text.Json.Nodes;

namespace DagMaster.Worker.Handlers;

/// <summary>
/// <c>echo</c>: outputs <c>{echoed_params, handler: "echo", task_id}</c>. With <c>steps</c> &gt; 1 it runs as the
/// multi-phase echo (checkpoint after each step, resume from <c>next_step</c>) and adds <c>completed_steps</c> and
/// <c>resumed_from</c>.
/// </summary>
public sealed class EchoHandler(TimeProvider timeProvider) : ITaskHandler
{
    public const string HandlerName = "echo";

    public string Name => HandlerName;

    public Task<JsonObject> HandleAsync(TaskContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var steps = HandlerParams.GetInteger(context.Params, "steps", 1);
        return steps > 1
            ? StepRunner.RunAsync(HandlerName, context, steps, timeProvider, cancellationToken)
            : Task.FromResult(EchoOutput.Create(HandlerName, context));
    }
}

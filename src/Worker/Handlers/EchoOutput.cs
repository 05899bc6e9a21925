using System.Text.Json.Nodes;

namespace DagMaster.Worker.Handlers;

internal static class EchoOutput
{
    /// <summary><c>{echoed_params, handler, task_id}</c>.</summary>
    public static JsonObject Create(string handler, TaskContext context) => new()
    {
        ["echoed_params"] = context.Params.DeepClone(),
        ["handler"] = handler,
        ["task_id"] = context.TaskId,
    };
}

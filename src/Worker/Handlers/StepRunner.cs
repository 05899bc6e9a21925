using System.Text.Json;
using System.Text.Json.Nodes;

namespace DagMaster.Worker.Handlers;

/// <summary>
/// The multi-phase echo: steps 1..N with <c>step_delay</c> seconds between them, a checkpoint
/// <c>step_i</c> = <c>{next_step, completed_steps}</c> after each step but the last, resuming from <c>next_step</c>.
/// </summary>
internal static class StepRunner
{
    public static async Task<JsonObject> RunAsync(string handler, TaskContext context, int steps, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var delay = HandlerParams.GetNumber(context.Params, "step_delay", 0);
        if (delay < 0)
        {
            throw TaskFailedException.InvalidParams($"'step_delay' must not be negative, not {delay}.");
        }

        var start = ResumeStep(context.CheckpointState, steps);
        var completed = new List<string>();
        for (var step = 1; step < start; step++)
        {
            completed.Add(StepName(step));
        }

        for (var step = start; step <= steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            completed.Add(StepName(step));
            await context.ReportProgressAsync(step, steps, $"{StepName(step)} of {steps}", cancellationToken);
            if (step == steps)
            {
                break;
            }

            var state = new JsonObject
            {
                ["next_step"] = step + 1,
                ["completed_steps"] = Names(completed),
            };
            await context.SaveCheckpointAsync(StepName(step), state, cancellationToken);
            if (delay > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(delay), timeProvider, cancellationToken);
            }
        }

        var output = EchoOutput.Create(handler, context);
        output["completed_steps"] = Names(completed);
        output["resumed_from"] = start;
        return output;
    }

    /// <summary>The checkpoint's <c>next_step</c>, kept within 1..steps; 1 when there is no usable checkpoint.</summary>
    private static int ResumeStep(JsonNode? state, int steps)
    {
        var next = state is JsonObject saved && saved["next_step"] is JsonValue value && value.GetValueKind() is JsonValueKind.Number or JsonValueKind.String
            ? HandlerParams.GetInteger(saved, "next_step", 1)
            : 1;
        return Math.Clamp(next, 1, steps);
    }

    private static string StepName(int step) => $"step_{step}";

    private static JsonArray Names(IEnumerable<string> names) => [.. names.Select(n => (JsonNode?)JsonValue.Create(n))];
}

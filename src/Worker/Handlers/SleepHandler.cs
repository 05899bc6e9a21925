using System.Text.Json.Nodes;

namespace DagMaster.Worker.Handlers;

/// <summary><c>sleep</c>: sleeps <c>duration_seconds</c> (default 1, at most a day), honouring cancellation; <c>{slept_seconds}</c>.</summary>
public sealed class SleepHandler(TimeProvider timeProvider) : ITaskHandler
{
    public const string HandlerName = "sleep";
    public const double MaxSeconds = 86_400;

    public string Name => HandlerName;

    public async Task<JsonObject> HandleAsync(TaskContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var seconds = HandlerParams.GetNumber(context.Params, "duration_seconds", 1);
        if (seconds is < 0 or > MaxSeconds)
        {
            throw TaskFailedException.InvalidParams($"'duration_seconds' must be between 0 and {MaxSeconds}, not {seconds}.");
        }

        if (seconds > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds(seconds), timeProvider, cancellationToken);
        }

        return new JsonObject { ["slept_seconds"] = seconds };
    }
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace DagMaster.Worker.Handlers;

/// <summary>
/// <c>flaky_echo</c>: fails (retryable, type <c>flaky_failure</c>) with probability <c>failure_rate</c>
/// (0..1, number or numeric string, default 0.5); otherwise echoes like <c>echo</c>.
/// </summary>
public sealed class FlakyEchoHandler(IRandomSource random) : ITaskHandler
{
    public const string HandlerName = "flaky_echo";
    public const string ErrorType = "flaky_failure";
    public const double DefaultFailureRate = 0.5;

    public string Name => HandlerName;

    public Task<JsonObject> HandleAsync(TaskContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var rate = HandlerParams.GetNumber(context.Params, "failure_rate", DefaultFailureRate);
        if (rate is < 0 or > 1)
        {
            throw TaskFailedException.InvalidParams($"'failure_rate' must be between 0 and 1, not {rate.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (random.NextDouble() < rate)
        {
            var message = $"flaky failure (failure_rate={rate.ToString(CultureInfo.InvariantCulture)}, attempt {context.Attempt})";
            return Task.FromException<JsonObject>(new TaskFailedException(message, ErrorType, retryable: true));
        }

        return Task.FromResult(EchoOutput.Create(HandlerName, context));
    }
}

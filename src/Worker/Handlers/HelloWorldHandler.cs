using System.Text.Json.Nodes;

namespace DagMaster.Worker.Handlers;

/// <summary><c>hello_world</c>: <c>{message: "Hello, {name}!"}</c>, name from <c>name</c>, else <c>message</c>, else "World".</summary>
public sealed class HelloWorldHandler : ITaskHandler
{
    public const string HandlerName = "hello_world";

    public string Name => HandlerName;

    public Task<JsonObject> HandleAsync(TaskContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = HandlerParams.GetString(context.Params, "name") ?? HandlerParams.GetString(context.Params, "message") ?? "World";
        return Task.FromResult(new JsonObject { ["message"] = $"Hello, {name}!" });
    }
}

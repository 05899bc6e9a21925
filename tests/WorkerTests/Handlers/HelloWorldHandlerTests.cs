using System.Text.Json.Nodes;
using DagMaster.Worker.Handlers;
using DagMaster.WorkerTests.TestSupport;

namespace DagMaster.WorkerTests.Handlers;

public sealed class HelloWorldHandlerTests
{
    [Theory]
    [InlineData("""{"name":"Ada","message":"Bob"}""", "Hello, Ada!")]
    [InlineData("""{"message":"Bob"}""", "Hello, Bob!")]
    [InlineData("""{"name":"","message":"Bob"}""", "Hello, Bob!")]
    [InlineData("""{}""", "Hello, World!")]
    [InlineData("""{"name":42}""", "Hello, 42!")]
    public async Task HandleAsync_WhenParamsGiven_GreetsNameThenMessageThenWorld(string parameters, string expected)
    {
        var context = TestTasks.Context("hello_world", JsonNode.Parse(parameters)!.AsObject());

        var output = await new HelloWorldHandler().HandleAsync(context, TestContext.Current.CancellationToken);

        output.ToJsonString().ShouldBe(new JsonObject { ["message"] = expected }.ToJsonString());
    }
}

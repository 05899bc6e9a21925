using System.Text;
using DagMaster.Worker.Client;

namespace DagMaster.WorkerTests.Client;

public sealed class ServiceBusTaskMessagesTests
{
    [Fact]
    public void Parse_WhenDagMasterTaskMessage_ReadsEveryField()
    {
        var message = Parse("""
            {"task_id":"t1","job_id":"j1","node_id":"n1","handler":"echo","queue":"container-tasks","params":{"message":"hi"},
             "attempt":2,"max_attempts":3,"timeout_seconds":60,"correlation_id":"req-1","workflow_id":"echo_test","workflow_version":1,
             "checkpoint":{"phase":"p","state":{"next":2},"saved_at":"2026-02-13T12:00:00+00:00"},
             "dispatched_at":"2026-02-13T12:00:00.000000","retry_count":1,"checkpoint_phase":"old","checkpoint_data":{"state_data":{"next":9}}}
            """);

        message.TaskId.ShouldBe("t1");
        message.JobId.ShouldBe("j1");
        message.NodeId.ShouldBe("n1");
        message.Handler.ShouldBe("echo");
        message.Queue.ShouldBe("container-tasks");
        message.Params!["message"]!.GetValue<string>().ShouldBe("hi");
        message.Attempt.ShouldBe(2);
        message.MaxAttempts.ShouldBe(3);
        message.TimeoutSeconds.ShouldBe(60);
        message.CorrelationId.ShouldBe("req-1");
        message.WorkflowId.ShouldBe("echo_test");
        message.WorkflowVersion.ShouldBe(1);
        message.DispatchedAt.ShouldBe("2026-02-13T12:00:00.000000");
        message.Checkpoint!.Phase.ShouldBe("p");
        message.Checkpoint.State!.ToJsonString().ShouldBe("""{"next":2}""");
    }

    [Fact]
    public void Parse_WhenOriginalSystemMessageWithCheckpointFields_BuildsTheCheckpointFromThem()
    {
        var message = Parse("""
            {"task_id":"t1","job_id":"j1","node_id":"echo_handler","handler":"echo","params":{},"timeout_seconds":60,
             "dispatched_at":"2026-02-13T12:00:00.000000","retry_count":2,"correlation_id":null,
             "checkpoint_phase":"step_3","checkpoint_data":{"checkpoint_id":"c1","phase_name":"step_3","phase_index":2,"state_data":{"next_step":4}}}
            """);

        message.Queue.ShouldBe("dag-worker-tasks");
        message.Attempt.ShouldBe(3);
        message.Checkpoint!.Phase.ShouldBe("step_3");
        message.Checkpoint.State!.ToJsonString().ShouldBe("""{"next_step":4}""");
    }

    [Fact]
    public void Parse_WhenNoCheckpointAtAll_LeavesItNull()
    {
        var message = Parse("""{"task_id":"t1","handler":"echo"}""");

        message.Checkpoint.ShouldBeNull();
        message.Attempt.ShouldBe(1);
    }

    [Theory]
    [InlineData("", "not JSON")]
    [InlineData("null", "not a JSON object")]
    [InlineData("""{"task_id":"","handler":"echo"}""", "no task_id")]
    [InlineData("""{"task_id":7,"handler":"echo"}""", "no task_id")]
    [InlineData("""{"task_id":"t1"}""", "no handler")]
    [InlineData("""{"task_id":"t1","handler":"echo","params":[1]}""", "wrong type")]
    public void Parse_WhenNotATaskMessage_ThrowsNamingTheProblem(string body, string problem)
    {
        var error = Should.Throw<InvalidTaskMessageException>(() => Parse(body));

        error.Message.ShouldContain(problem);
    }

    private static TaskMessage Parse(string body) => ServiceBusTaskMessages.Parse(Encoding.UTF8.GetBytes(body), "dag-worker-tasks");
}

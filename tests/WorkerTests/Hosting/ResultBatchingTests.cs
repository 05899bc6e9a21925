using System.Net;
using System.Text.Json.Nodes;
using DagMaster.Worker.Handlers;
using DagMaster.WorkerTests.TestSupport;
using Microsoft.Extensions.Logging;

namespace DagMaster.WorkerTests.Hosting;

/// <summary>
/// The HTTP transport's results go in <c>results</c> calls: at once when none is in flight, together when they arrive
/// while one is; a call refused whole is sent again result by result.
/// </summary>
public sealed class ResultBatchingTests : IAsyncLifetime
{
    private const string Waiting = "waits for the results call in flight";

    private FakeDagMaster _server = null!;

    public async ValueTask InitializeAsync() => _server = await FakeDagMaster.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _server.ProtocolErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task RunAsync_WhenResultsArriveWhileACallIsInFlight_SendsThemTogetherInTheNextCall()
    {
        await using var worker = WorkerHarness.Start(_server, [new EchoHandler(TimeProvider.System)], o => o.MaxConcurrency = 8);

        var firstCall = await HoldFirstCallAsync(worker, "t1", ["t2", "t3", "t4", "t5", "t6"]);
        firstCall.SetResult();
        await Poll.UntilAsync(() => Enumerable.Range(1, 6).All(i => _server.ResultsFor($"t{i}").Count == 1), "all six tasks completed");

        var calls = _server.ResultsCalls();
        calls.Select(c => string.Join(",", c.TaskIds.Order())).ShouldBe(["t1", "t2,t3,t4,t5,t6"]);
        calls.ShouldAllBe(c => c.Status == 200);
        _server.CallsTo("results").ShouldAllBe(c => c.Body["worker_id"]!.GetValue<string>() == WorkerHarness.WorkerId);
        _server.CallsTo("complete").ShouldBeEmpty();
        _server.CallsTo("fail").ShouldBeEmpty();
    }

    [Fact]
    public async Task RunAsync_WhenACallIsRefusedWhole_SendsItsResultsOneByOneAndRejectsOnlyTheRefusedOutput()
    {
        await using var worker = WorkerHarness.Start(_server, [new EchoHandler(TimeProvider.System)], o => o.MaxConcurrency = 8);
        var firstCall = await HoldFirstCallAsync(worker, "t1", ["t2", "t3", "t4"]);

        _server.AnswerNext("results", HttpStatusCode.UnprocessableEntity);
        _server.AnswerNext("complete", HttpStatusCode.UnprocessableEntity, taskId: "t3");
        firstCall.SetResult();
        await Poll.UntilAsync(() => new[] { "t1", "t2", "t3", "t4" }.All(t => _server.ResultsFor(t).Count == 1), "every task reported");

        _server.ResultsFor("t2").Single().Call.ShouldBe("complete");
        _server.ResultsFor("t4").Single().Call.ShouldBe("complete");
        var rejected = _server.ResultsFor("t3").Single();
        rejected.Call.ShouldBe("fail");
        rejected.Body["error"]!["type"]!.GetValue<string>().ShouldBe("output_rejected");
        rejected.Body["error"]!["retryable"]!.GetValue<bool>().ShouldBeFalse();
        _server.ResultsCalls().Select(c => $"{string.Join(",", c.TaskIds.Order())}:{c.Status}").ShouldBe(["t1:200", "t2,t3,t4:422", "t3:200"]);
        _server.CallsTo("complete").Select(c => $"{c.TaskId}:{c.Status}").Order().ShouldBe(["t2:200", "t3:422", "t4:200"]);
    }

    [Fact]
    public async Task RunAsync_WhenTheOutcomeIsNotFound_LeavesTheTaskUnreportedAsA404Would()
    {
        _server.ForgetResultsOf("t1");
        await using var worker = WorkerHarness.Start(_server, [new EchoHandler(TimeProvider.System)]);

        _server.Enqueue("t1", "echo");
        await Poll.UntilAsync(
            () => worker.Logger.Entries.Any(e => e.Level == LogLevel.Error && e.Message.Contains("could not be sent")),
            "the result to be given up");

        _server.ResultsCalls().Select(c => $"{string.Join(",", c.TaskIds)}:{c.Status}").ShouldBe(["t1:200"]);
        _server.CallsTo("complete").ShouldBeEmpty();
        _server.ResultsFor("t1").ShouldBeEmpty();
    }

    [Fact]
    public async Task RunAsync_WhenAFailureIsReported_SendsItsErrorInTheResultsCall()
    {
        await using var worker = WorkerHarness.Start(_server, [new FailHandler()]);

        _server.Enqueue("t1", "fail", new JsonObject { ["message"] = "corrupt file", ["retryable"] = false });
        await Poll.UntilAsync(() => _server.ResultsFor("t1").Count == 1, "t1 to be reported");

        var result = _server.CallsTo("results").Single().Body["results"]!.AsArray().Single()!;
        result["task_id"]!.GetValue<string>().ShouldBe("t1");
        result["error"]!.ToJsonString().ShouldBe("""{"message":"corrupt file","type":"requested_failure","retryable":false}""");
        result["duration_ms"]!.GetValue<long>().ShouldBeGreaterThanOrEqualTo(0);
        result.AsObject().ContainsKey("output").ShouldBeFalse();
    }

    /// <summary>
    /// Runs <paramref name="first"/> (echo) and holds its results call unanswered; then runs <paramref name="next"/> and
    /// waits until all their results wait behind that call. Setting the returned source answers it.
    /// </summary>
    private async Task<TaskCompletionSource> HoldFirstCallAsync(WorkerHarness worker, string first, string[] next)
    {
        var firstCall = _server.HoldNext("results");
        _server.Enqueue(first, "echo");
        await Poll.UntilAsync(() => _server.CallsTo("results").Count == 1, "the first results call");
        foreach (var taskId in next)
        {
            _server.Enqueue(taskId, "echo");
        }

        await Poll.UntilAsync(
            () => worker.Logger.Entries.Count(e => e.Level == LogLevel.Debug && e.Message.Contains(Waiting)) == next.Length,
            $"{next.Length} results waiting behind the first call");
        return firstCall;
    }
}

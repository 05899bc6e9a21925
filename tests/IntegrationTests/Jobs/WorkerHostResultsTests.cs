using System.Net;
using System.Text.Json.Nodes;
using DagMaster.Application.Jobs.CompleteTask;
using DagMaster.IntegrationTests.Infrastructure;
using DagMaster.IntegrationTests.Scenarios;
using DagMaster.Worker;
using Microsoft.Extensions.Logging;

namespace DagMaster.IntegrationTests.Jobs;

/// <summary>
/// The real worker host reports its results to the real DagMaster in <c>results</c> calls: tasks that finish together
/// share calls, a lone task's result goes at once, a refused output fails only its own task, and a transient error
/// is retried. A <see cref="WorkerCallRecorder"/> in the worker's HTTP pipeline counts the calls.
/// </summary>
public sealed class WorkerHostResultsTests(DagMasterAppFixture app) : ScenarioTestBase(app)
{
    private const string Queue = "sdk-results";
    private const string Handler = "sdk_results_unit";

    private const string FanOutWorkflow = """
        workflow_id: sdk_results_fan_out
        name: Children whose results the worker host reports
        version: 1
        inputs:
          items: {type: array, required: true}
        nodes:
          start: {type: start, next: split}
          split:
            type: fan_out
            source: "{{ inputs.items }}"
            task: {handler: sdk_results_unit, queue: sdk-results, params: {item: "{{ item }}"}, timeout_seconds: 60}
            next: gather
          gather: {type: fan_in, aggregation: collect, next: end}
          end: {type: end}
        """;

    private const string OneTaskWorkflow = """
        workflow_id: sdk_results_one_task
        name: One task whose result the worker host reports
        version: 1
        inputs:
          item: {type: integer, required: true}
        nodes:
          start: {type: start, next: work}
          work: {type: task, handler: sdk_results_unit, queue: sdk-results, params: {item: "{{ inputs.item }}"}, timeout_seconds: 60, next: end}
          end: {type: end}
        """;

    private const string WaitingBehindACall = "waits for the results call in flight";

    private readonly WorkerCallRecorder _calls = new();

    [Fact]
    public async Task Results_WhenManyTasksFinishTogether_GoInFewerResultsCallsThanTasksAndCompleteEachOnce()
    {
        await RegisterWorkflowAsync(FanOutWorkflow);
        var handler = new UnitHandler(holdUntil: 16);
        await using var worker = await StartWorkerAsync(handler, concurrency: 16);

        var jobId = await SubmitAsync("sdk_results_fan_out", new { items = Enumerable.Range(0, 50).ToArray() });
        await Poll.UntilAsync(() => Task.FromResult(handler.Arrived), arrived => arrived >= 16, "16 children to be running at once");
        handler.Release();
        var job = await Jobs.WaitForStatusAsync(jobId, "completed", timeoutSeconds: 60);

        var children = (await NodesByIdAsync(jobId)).Values.Where(n => n.GetProperty("parent_node_id").GetString() == "split").ToList();
        children.Count.ShouldBe(50);
        children.ShouldAllBe(n => n.GetProperty("status").GetString() == "completed" && n.GetProperty("attempt").GetInt32() == 1);
        var events = await Jobs.EventsAsync(jobId);
        foreach (var child in children)
        {
            OfType(events, "node_completed", child.GetProperty("node_id").GetString()).Count.ShouldBe(1);
        }

        OfType(events, "stale_result_ignored").ShouldBeEmpty();
        var gathered = job.GetProperty("result").GetProperty("gather").GetProperty("results").EnumerateArray();
        gathered.Select(r => r.GetProperty("item").GetInt32()).ShouldBe(Enumerable.Range(0, 50));

        var results = _calls.CallsTo("results");
        TestContext.Current.TestOutputHelper?.WriteLine($"50 results in {results.Count} calls: {string.Join(", ", results.Select(c => c.TaskIds.Count))}");
        results.ShouldAllBe(c => c.Status == 200 && c.ReachedDagMaster);
        results.Count.ShouldBeLessThan(50, $"calls carried {string.Join(", ", results.Select(c => c.TaskIds.Count))} results");
        results.ShouldContain(c => c.TaskIds.Count > 1);
        var reported = results.SelectMany(c => c.TaskIds).ToList();
        reported.Order().ShouldBe(children.Select(n => n.GetProperty("task_id").GetString()!).Order());
        results.SelectMany(c => c.Outcomes.Values).ShouldAllBe(o => o == "applied");
        _calls.CallsTo("complete").ShouldBeEmpty();
        _calls.CallsTo("fail").ShouldBeEmpty();
    }

    [Fact]
    public async Task Results_WhenALoneTaskFinishes_ReportsItAtOnceInAResultsCallOfItsOwn()
    {
        await RegisterWorkflowAsync(OneTaskWorkflow);
        await using var worker = await StartWorkerAsync(new UnitHandler(), concurrency: 4);

        var jobId = await SubmitAsync("sdk_results_one_task", new { item = 7 });
        var job = await Jobs.WaitForStatusAsync(jobId, "completed");

        job.GetProperty("result").GetProperty("work").GetProperty("item").GetInt32().ShouldBe(7);
        var taskId = (await Jobs.NodeAsync(jobId, "work")).GetProperty("task_id").GetString()!;
        var call = _calls.CallsTo("results").ShouldHaveSingleItem();
        call.TaskIds.ShouldBe([taskId]);
        call.Outcomes[taskId].ShouldBe("applied");
        _calls.CallsTo("complete").ShouldBeEmpty();
    }

    [Fact]
    public async Task Results_WhenOneOutputOfACallIsTooLarge_CompletesTheOthersAndFailsItWithOutputRejected()
    {
        await RegisterWorkflowAsync(OneTaskWorkflow);
        const int big = 3;
        var log = new LogCapture("DagMaster.Worker", LogLevel.Debug);
        await using var worker = await StartWorkerAsync(new UnitHandler(bigItem: big), concurrency: 8, log);

        // The first result's call is held, so the next five results wait and go together in one call.
        var firstCall = _calls.HoldNext("results");
        var first = await SubmitAsync("sdk_results_one_task", new { item = 0 });
        await Poll.UntilAsync(() => Task.FromResult(_calls.SentTo("results")), sent => sent == 1, "the first results call");
        var jobs = new Dictionary<int, Guid>();
        foreach (var item in new[] { 1, 2, 3, 4, 5 })
        {
            jobs[item] = await SubmitAsync("sdk_results_one_task", new { item });
        }

        await Poll.UntilAsync(() => Task.FromResult(log.Count(WaitingBehindACall)), waiting => waiting == 5, "five results waiting behind the first call");
        firstCall.SetResult();

        await Jobs.WaitForStatusAsync(first, "completed");
        foreach (var (item, jobId) in jobs.Where(j => j.Key != big))
        {
            (await Jobs.WaitForStatusAsync(jobId, "completed")).GetProperty("result").GetProperty("work").GetProperty("item").GetInt32().ShouldBe(item);
        }

        var failed = await Jobs.WaitForStatusAsync(jobs[big], "failed");
        failed.GetProperty("failed_node_id").GetString().ShouldBe("work");
        var failure = OfType(await Jobs.EventsAsync(jobs[big]), "node_failed", "work").ShouldHaveSingleItem().GetProperty("data");
        failure.GetProperty("error_type").GetString().ShouldBe("output_rejected");
        failure.GetProperty("retryable").GetBoolean().ShouldBeFalse();
        failure.GetProperty("error").GetString()!.ShouldContain("422");
        (await Jobs.NodeAsync(jobs[big], "work")).GetProperty("attempt").GetInt32().ShouldBe(1);

        // The five went in one call, refused whole (422); each was then sent alone, and only the big one was refused.
        var bigTask = (await Jobs.NodeAsync(jobs[big], "work")).GetProperty("task_id").GetString()!;
        var refused = _calls.CallsTo("results").Where(c => c.Status == 422).ShouldHaveSingleItem();
        refused.TaskIds.Count.ShouldBe(5);
        refused.TaskIds.ShouldContain(bigTask);
        var singles = _calls.CallsTo("complete");
        singles.Select(c => c.TaskIds.Single()).Order().ShouldBe(refused.TaskIds.Order());
        singles.Where(c => c.Status != 204).ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            c => c.TaskIds.ShouldBe([bigTask]),
            c => c.Status.ShouldBe(422));
        _calls.CallsTo("results").Last().TaskIds.ShouldBe([bigTask]); // its failure, output_rejected
    }

    [Fact]
    public async Task Results_WhenDagMasterAnswers503Once_RetriesTheCallAndCompletesTheTask()
    {
        await RegisterWorkflowAsync(OneTaskWorkflow);
        _calls.AnswerNext("results", HttpStatusCode.ServiceUnavailable);
        await using var worker = await StartWorkerAsync(new UnitHandler(), concurrency: 4);

        var jobId = await SubmitAsync("sdk_results_one_task", new { item = 11 });
        await Jobs.WaitForStatusAsync(jobId, "completed", timeoutSeconds: 30);

        var taskId = (await Jobs.NodeAsync(jobId, "work")).GetProperty("task_id").GetString()!;
        _calls.CallsTo("results").Select(c => (string.Join(",", c.TaskIds), c.Status, c.ReachedDagMaster))
            .ShouldBe([(taskId, 503, false), (taskId, 200, true)]);
        _calls.CallsTo("results")[1].Outcomes[taskId].ShouldBe("applied");
        OfType(await Jobs.EventsAsync(jobId), "node_completed", "work").Count.ShouldBe(1);
    }

    private Task<TestWorker> StartWorkerAsync(UnitHandler handler, int concurrency, LogCapture? log = null) =>
        InProcessWorker.StartAsync(App, concurrency: concurrency, extraHandlers: [handler], queues: [Queue], configure: services =>
        {
            _calls.AddTo(services);
            log?.AddTo(services);
        });

    /// <summary>
    /// Returns <c>{item}</c>. The first <c>holdUntil</c> runs wait until the test releases them together; the run of
    /// <c>bigItem</c> returns an output over DagMaster's limit.
    /// </summary>
    private sealed class UnitHandler(int holdUntil = 0, int? bigItem = null) : ITaskHandler
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public string Name => Handler;

        public int Arrived => Volatile.Read(ref _arrived);

        public void Release() => _released.TrySetResult();

        public async Task<JsonObject> HandleAsync(TaskContext context, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _arrived) <= holdUntil)
            {
                await _released.Task.WaitAsync(cancellationToken);
            }

            var item = context.Params["item"]!.GetValue<int>();
            var output = new JsonObject { ["item"] = item };
            if (item == bigItem)
            {
                output["blob"] = new string('x', TaskCompletionReportValidator.MaxOutputBytes + 1024);
            }

            return output;
        }
    }
}

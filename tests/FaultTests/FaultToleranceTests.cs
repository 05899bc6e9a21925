using DagMaster.FaultTests.Infrastructure;
using DagMaster.TestSupport;

namespace DagMaster.FaultTests;

/// <summary>
/// Real processes on a real PostgreSQL that the tests stop: DagMaster killed with SIGKILL under load, PostgreSQL
/// stopped immediately under load, a worker killed in the middle of a task. Each prints what it counted.
/// </summary>
public sealed class FaultToleranceTests(FaultCluster cluster) : IAsyncLifetime
{
    /// <summary>Three sleeping tasks in a row, each retried up to five times one second apart.</summary>
    private const string Chain = """
        workflow_id: fault_chain
        name: Fault chain
        version: 1
        nodes:
          start: {type: start, next: a}
          a: {type: task, handler: sleep, params: {duration_seconds: 0.3}, retry: {max_attempts: 5, backoff: fixed, initial_delay_seconds: 1}, timeout_seconds: 60, next: b}
          b: {type: task, handler: sleep, params: {duration_seconds: 0.3}, retry: {max_attempts: 5, backoff: fixed, initial_delay_seconds: 1}, timeout_seconds: 60, next: c}
          c: {type: task, handler: sleep, params: {duration_seconds: 0.3}, retry: {max_attempts: 5, backoff: fixed, initial_delay_seconds: 1}, timeout_seconds: 60, next: end}
          end: {type: end}
        """;

    /// <summary>One task that runs long enough to be caught in the middle.</summary>
    private const string Slow = """
        workflow_id: fault_slow
        name: Fault slow
        version: 1
        nodes:
          start: {type: start, next: work}
          work: {type: task, handler: sleep, params: {duration_seconds: 4}, retry: {max_attempts: 3, backoff: fixed, initial_delay_seconds: 1}, timeout_seconds: 60, next: end}
          end: {type: end}
        """;

    /// <summary>One fan-out whose children echo their number, summed by the fan-in.</summary>
    private const string Wide = """
        workflow_id: fault_wide
        name: Fault wide fan-out
        version: 1
        inputs:
          numbers: {type: array, required: true}
        nodes:
          start: {type: start, next: split}
          split:
            type: fan_out
            source: "{{ inputs.numbers }}"
            task: {handler: echo, params: {n: "{{ item }}"}, timeout_seconds: 60}
            retry: {max_attempts: 5, backoff: fixed, initial_delay_seconds: 1}
            next: total
          total: {type: fan_in, aggregation: sum, next: end}
          end: {type: end}
        """;

    /// <summary>How often the waits count: the ledger's counts scan tables of up to 20,000 nodes while the load runs.</summary>
    private const double PollSeconds = 0.1;

    private readonly WorkflowsFolder _workflows = WorkflowsFolder.Empty();

    public async ValueTask InitializeAsync()
    {
        await _workflows.WriteAsync("fault_chain.yaml", Chain);
        await _workflows.WriteAsync("fault_slow.yaml", Slow);
        await _workflows.WriteAsync("fault_wide.yaml", Wide);
    }

    public ValueTask DisposeAsync()
    {
        _workflows.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task DagMaster_WhenKilledWithSigkillMidFiveHundredJobs_RestartsAndCompletesEveryJobOnce()
    {
        const int jobs = 500;
        var database = await DatabaseAsync("fault_kill");
        var ledger = new FaultLedger(cluster.QueryConnectionString(database));
        await using var dagMaster = new DagMasterNode(cluster.ConnectionString(database), _workflows.Path, leaseSeconds: 5);
        await dagMaster.StartAsync();
        await using var worker = WorkerNode.Start(dagMaster, "fault-worker", concurrency: 48);

        await SubmitAsync(dagMaster, jobs);
        await Poll.UntilAsync(() => ledger.CountJobsAsync("Completed"), done => done >= jobs / 5, "a fifth of the jobs to complete", 120, PollSeconds, () => dagMaster.Output);
        await dagMaster.KillAsync();
        var atKill = await ledger.CountAsync();
        await dagMaster.StartAsync();

        await Poll.UntilAsync(() => ledger.CountJobsAsync("Completed"), done => done == jobs, "every job to complete after the restart", 150, PollSeconds, () => dagMaster.Output);
        var counts = await ledger.CountAsync();
        await ArtifactReports.AppendAsync("fault-tests.txt", $"kill -9 DagMaster: killed at {atKill.Completed} completed of {atKill.Jobs}; after the restart: {counts}");
        counts.ShouldBe(counts with { Jobs = jobs, Completed = jobs, DispatchedTwice = 0, StartedTwice = 0, DuplicateTransitions = 0, Lost = 0 });
    }

    [Fact]
    public async Task DagMaster_WhenKilledWithSigkillDuringATwentyThousandChildFanOut_RestartsAndCompletesEveryChildOnce()
    {
        const int children = 20_000;
        var database = await DatabaseAsync("fault_wide");
        var ledger = new FaultLedger(cluster.QueryConnectionString(database));
        await using var dagMaster = new DagMasterNode(cluster.ConnectionString(database), _workflows.Path, leaseSeconds: 5);
        await dagMaster.StartAsync();
        await using var worker = WorkerNode.Start(dagMaster, "fault-worker", concurrency: 48);

        await dagMaster.SubmitAsync("fault_wide", new { numbers = Enumerable.Range(0, children).ToArray() });
        await Poll.UntilAsync(ledger.CountCompletedNodesAsync, done => done >= children / 10, "a tenth of the children to complete", 120, PollSeconds, () => dagMaster.Output);
        await dagMaster.KillAsync();
        var atKill = await ledger.CountCompletedNodesAsync();
        await dagMaster.StartAsync();

        await Poll.UntilAsync(() => ledger.CountJobsAsync("Completed"), done => done == 1, "the fan-out to complete after the restart", 300, PollSeconds, () => dagMaster.Output);
        var counts = await ledger.CountAsync();
        // Children have no per-child dispatch event; a child created twice would be a node too many.
        var nodes = await ledger.CountNodesAsync();
        var completedChildren = await ledger.CountCompletedNodesAsync() - 4; // start, split, total, end
        await ArtifactReports.AppendAsync("fault-tests.txt", $"kill -9 DagMaster during a {children}-child fan-out: killed at {atKill} nodes completed; after the restart: {nodes} nodes, {completedChildren} children completed, {counts}");
        nodes.ShouldBe(children + 4);
        completedChildren.ShouldBe(children);
        counts.ShouldBe(counts with { Jobs = 1, Completed = 1, DispatchedTwice = 0, StartedTwice = 0, DuplicateTransitions = 0, Lost = 0 });
    }

    [Fact]
    public async Task PostgreSql_WhenStoppedImmediatelyUnderLoad_ReadyzReportsItAndEveryJobCompletesAfterTheRestart()
    {
        const int jobs = 200;
        var database = await DatabaseAsync("fault_pg");
        var ledger = new FaultLedger(cluster.QueryConnectionString(database));
        await using var dagMaster = new DagMasterNode(cluster.ConnectionString(database), _workflows.Path, leaseSeconds: 5);
        await dagMaster.StartAsync();
        await using var worker = WorkerNode.Start(dagMaster, "fault-worker", concurrency: 32);

        await SubmitAsync(dagMaster, jobs);
        await Poll.UntilAsync(() => ledger.CountJobsAsync("Completed"), done => done >= jobs / 5, "a fifth of the jobs to complete", 120, PollSeconds, () => dagMaster.Output);
        var beforeOutage = await ledger.CountJobsAsync("Completed");
        await cluster.StopImmediatelyAsync();
        var duringOutage = await Poll.UntilAsync(dagMaster.ReadinessAsync, status => status == 503, "/readyz to report the outage", 30, PollSeconds, () => dagMaster.Output);
        await cluster.StartAsync();
        await Poll.UntilAsync(dagMaster.ReadinessAsync, status => status == 200, "/readyz to recover", 60, PollSeconds, () => dagMaster.Output);

        await Poll.UntilAsync(() => ledger.CountJobsAsync("Completed"), done => done == jobs, "every job to complete after the restart", 150, PollSeconds, () => dagMaster.Output);
        var counts = await ledger.CountAsync();
        await ArtifactReports.AppendAsync("fault-tests.txt", $"PostgreSQL immediate stop: {beforeOutage} of {jobs} jobs completed before it, /readyz {duringOutage} during it; after the restart: {counts}");
        counts.ShouldBe(counts with { Jobs = jobs, Completed = jobs, DispatchedTwice = 0, StartedTwice = 0, DuplicateTransitions = 0, Lost = 0 });
    }

    [Fact]
    public async Task Worker_WhenKilledMidTask_TheLeaseLapsesAndAnotherWorkerCompletesTheRetry()
    {
        var database = await DatabaseAsync("fault_worker");
        var ledger = new FaultLedger(cluster.QueryConnectionString(database));
        // Longer than the worker's heartbeat interval (15 s), so only a dead worker's lease lapses.
        await using var dagMaster = new DagMasterNode(cluster.ConnectionString(database), _workflows.Path, leaseSeconds: 20);
        await dagMaster.StartAsync();
        var first = WorkerNode.Start(dagMaster, "doomed-worker", concurrency: 1);

        await dagMaster.SubmitAsync("fault_slow", new { });
        await Poll.UntilAsync(ledger.CountStartedAsync, started => started == 1, "the first worker to start the task", 30, PollSeconds, () => first.Tail());
        await first.KillAsync();
        await first.DisposeAsync();
        await using var second = WorkerNode.Start(dagMaster, "second-worker", concurrency: 1);

        await Poll.UntilAsync(() => ledger.CountJobsAsync("Completed"), done => done == 1, "the job to complete on the second worker", 60, PollSeconds, () => second.Tail());
        var counts = await ledger.CountAsync();
        await ArtifactReports.AppendAsync("fault-tests.txt", $"worker killed mid-task: {counts}");
        counts.ShouldBe(counts with { Jobs = 1, Completed = 1, TasksDispatched = 2, Retries = 1, LeaseExpiries = 1, DispatchedTwice = 0, StartedTwice = 0, DuplicateTransitions = 0, Lost = 0 });
    }

    private static async Task SubmitAsync(DagMasterNode dagMaster, int jobs) =>
        await Parallel.ForEachAsync(
            Enumerable.Range(0, jobs),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = TestContext.Current.CancellationToken },
            async (_, _) => await dagMaster.SubmitAsync("fault_chain", new { }));

    private async Task<string> DatabaseAsync(string name)
    {
        await cluster.CreateDatabaseAsync(name);
        return name;
    }
}

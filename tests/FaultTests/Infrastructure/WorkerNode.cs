using DagMaster.TestSupport;

namespace DagMaster.FaultTests.Infrastructure;

/// <summary>The standalone .NET worker as its own process, claiming over HTTP.</summary>
public static class WorkerNode
{
    public static ChildProcess Start(DagMasterNode dagMaster, string workerId, int concurrency) =>
        ChildProcess.Start(Repository.WorkerDll, new Dictionary<string, string>
        {
            ["DAGMASTER_URL"] = dagMaster.Url.ToString().TrimEnd('/'),
            ["WORKER_KEY"] = TestHostSettings.WorkerKey,
            ["WORKER_ID"] = workerId,
            ["WORKER_QUEUES"] = "dag-worker-tasks",
            ["WORKER_CONCURRENCY"] = concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["WORKER_CLAIM_WAIT_SECONDS"] = "1",
            ["WORKER_DRAIN_SECONDS"] = "1",
            ["Logging__LogLevel__Default"] = "Warning",
        },
        []);
}

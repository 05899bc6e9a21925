using DagMaster.TestSupport;

namespace DagMaster.FaultTests.Infrastructure;

/// <summary>What the database says about the jobs of a fault test: how far they got, and whether anything happened twice or got lost.</summary>
public sealed class FaultLedger(string connectionString)
{
    private readonly TestDatabase _database = new(connectionString);

    public async Task<long> CountJobsAsync(string status) => await ScalarAsync($"SELECT count(*) FROM dagmaster.jobs WHERE status = '{status}'");

    public async Task<long> CountNodesAsync() => await ScalarAsync("SELECT count(*) FROM dagmaster.job_nodes");

    public async Task<long> CountCompletedNodesAsync() => await ScalarAsync("SELECT count(*) FROM dagmaster.job_nodes WHERE status = 'Completed'");

    public async Task<long> CountStartedAsync() => await ScalarAsync("SELECT count(*) FROM dagmaster.job_events WHERE type = 'node_started'");

    public async Task<FaultCounts> CountAsync() => new(
        Jobs: await ScalarAsync("SELECT count(*) FROM dagmaster.jobs"),
        Completed: await CountJobsAsync("Completed"),
        TasksDispatched: await ScalarAsync("SELECT count(*) FROM dagmaster.job_events WHERE type = 'node_dispatched'"),
        Retries: await ScalarAsync("SELECT count(*) FROM dagmaster.job_events WHERE type = 'node_dispatched' AND (data->>'attempt')::int > 1"),
        LeaseExpiries: await ScalarAsync("SELECT count(*) FROM dagmaster.job_events WHERE type = 'node_timed_out'"),
        DispatchedTwice: await ScalarAsync("""
            SELECT count(*) FROM (SELECT data->>'task_id' FROM dagmaster.job_events WHERE type = 'node_dispatched' GROUP BY 1 HAVING count(*) > 1) t
            """),
        StartedTwice: await ScalarAsync("""
            SELECT count(*) FROM (SELECT data->>'task_id' FROM dagmaster.job_events WHERE type = 'node_started' GROUP BY 1 HAVING count(*) > 1) t
            """),
        DuplicateTransitions: await ScalarAsync("""
            SELECT count(*) FROM (
                SELECT job_id, node_id, type FROM dagmaster.job_events
                WHERE type IN ('node_completed', 'job_started', 'job_completed', 'job_failed', 'job_cancelled')
                GROUP BY job_id, node_id, type HAVING count(*) > 1) t
            """),
        Lost: await ScalarAsync("SELECT count(*) FROM dagmaster.jobs WHERE status <> 'Completed'"));

    private Task<long> ScalarAsync(string sql) => _database.ScalarAsync(sql);
}

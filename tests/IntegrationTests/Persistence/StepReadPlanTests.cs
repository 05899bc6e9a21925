using DagMaster.Domain.Jobs;
using DagMaster.Infrastructure.Persistence;
using DagMaster.Infrastructure.Persistence.Repositories;
using DagMaster.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static DagMaster.IntegrationTests.Persistence.PlanSessions;

namespace DagMaster.IntegrationTests.Persistence;

/// <summary>
/// A step's locking read and node read run on their generic plans (ADR-0123). These must stay index lookups
/// whatever the statistics said when the plan was made: here the statements, as DagMaster sends them, are planned
/// on copies of the jobs and their nodes analysed while they held two rows, and run again after the copies grew to
/// 20,000 jobs and a fan-out of 20,000 children. The plain session, where the same generic plans scan, is the
/// contrast that makes the check mean something, and why the generic plans are asked for only where the session
/// plans on indexes.
/// </summary>
public sealed class StepReadPlanTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    private const string FirstJob = "00000000-0000-0000-0000-000000000001";

    // Copies with the real tables' columns and indexes; only the keys stay NOT NULL, so rows need nothing else.
    private const string SmallCopies = $$"""
        CREATE TEMP TABLE jobs (LIKE dagmaster.jobs INCLUDING INDEXES) ON COMMIT DROP;
        CREATE TEMP TABLE job_nodes (LIKE dagmaster.job_nodes INCLUDING INDEXES) ON COMMIT DROP;
        DO $$ DECLARE c record; BEGIN
          FOR c IN SELECT a.attrelid::regclass AS t, a.attname FROM pg_attribute a
                   WHERE a.attrelid IN ('pg_temp.jobs'::regclass, 'pg_temp.job_nodes'::regclass) AND a.attnum > 0
                     AND a.attnotnull AND NOT a.attisdropped AND a.attname NOT IN ('id', 'job_id', 'node_id') LOOP
            EXECUTE format('ALTER TABLE %s ALTER COLUMN %I DROP NOT NULL', c.t, c.attname);
          END LOOP;
        END $$;
        INSERT INTO pg_temp.jobs (id) VALUES ('{{FirstJob}}'), ('00000000-0000-0000-0000-000000000002');
        INSERT INTO pg_temp.job_nodes (job_id, node_id) VALUES ('{{FirstJob}}', 'a'), ('{{FirstJob}}', 'b');
        ANALYZE pg_temp.jobs;
        ANALYZE pg_temp.job_nodes;
        """;

    private const string Grow = $$"""
        INSERT INTO pg_temp.jobs (id) SELECT gen_random_uuid() FROM generate_series(1, 20000);
        INSERT INTO pg_temp.job_nodes (job_id, node_id, parent_node_id, index, status)
          SELECT '{{FirstJob}}', 'split__' || g, 'split', g, 'Completed' FROM generate_series(1, 20000) g;
        """;

    private const string ReadArguments = $"('{{{FirstJob}}}', '{{{FirstJob}}}', '{{split__5}}')";
    private const string LockArguments = $"('{{{FirstJob}}}', '{{}}')";

    [Fact]
    public async Task DagMasterSession_StepReadsPlannedWhileTheTablesWereSmall_LookUpTheGrownTablesByIndex()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var connection = await OpenDagMasterAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);

        var (read, lockRead) = await PlansAfterGrowthAsync(connection, ConnectionTuning.GenericPlansForKeyedReads, cancellation);

        read.ShouldContain("Index Cond: (job_id = ANY ($1))");
        read.ShouldNotContain("Seq Scan");
        read.ShouldNotContain("Rows Removed");
        lockRead.ShouldContain("Index Cond: (id = ANY ($1))");
        lockRead.ShouldNotContain("Seq Scan");
        lockRead.ShouldNotContain("Rows Removed");
    }

    [Fact]
    public async Task PlainSession_GenericStepReadsPlannedWhileTheTablesWereSmall_ScanTheGrownTables()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var connection = await OpenPlainAsync(App.ConnectionString, cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);

        var (read, lockRead) = await PlansAfterGrowthAsync(connection, "SET LOCAL plan_cache_mode = force_generic_plan", cancellation);

        read.ShouldContain("Seq Scan");
        lockRead.ShouldContain("Seq Scan");
        lockRead.ShouldContain("Rows Removed by Filter: 20001");
    }

    [Fact]
    public async Task DagMasterSession_GenericPlansForKeyedReads_HoldUntilThePlannerChoosesAgain()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var connection = await OpenDagMasterAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);

        await RunAsync(connection, ConnectionTuning.GenericPlansForKeyedReads, cancellation);
        var during = await PlanCacheModeAsync(connection, cancellation);
        await RunAsync(connection, ConnectionTuning.PlannerChoosesPlans, cancellation);
        var after = await PlanCacheModeAsync(connection, cancellation);

        during.ShouldBe("force_generic_plan");
        after.ShouldBe("auto");
    }

    [Fact]
    public async Task PlainSession_GenericPlansForKeyedReads_LeavesThePlannerItsChoice()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var connection = await OpenPlainAsync(App.ConnectionString, cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);

        await RunAsync(connection, ConnectionTuning.GenericPlansForKeyedReads, cancellation);

        (await PlanCacheModeAsync(connection, cancellation)).ShouldBe("auto");
    }

    /// <summary>
    /// The step's node read and locking read (their SQL as DagMaster sends it, on the copies), prepared after
    /// <paramref name="generic"/> and run once while the copies are small, then explained as run after they grew.
    /// </summary>
    private async Task<(string Read, string Lock)> PlansAfterGrowthAsync(NpgsqlConnection connection, string generic, CancellationToken cancellation)
    {
        string lockSql;
        using (var scope = App.Services.CreateScope())
        {
            var model = scope.ServiceProvider.GetRequiredService<DagMasterDbContext>().Model;
            lockSql = JobRepository.LockManySql(model.FindEntityType(typeof(Job))!);
        }

        var readSql = JobRepository.ReadNodesOfManySql.Replace("@ids", "$1").Replace("@child_jobs", "$2").Replace("@child_nodes", "$3");
        lockSql = lockSql.Replace("@ids", "$1").Replace("@known", "$2");
        await RunAsync(connection, SmallCopies, cancellation);
        await RunAsync(connection, generic, cancellation);
        await RunAsync(connection, $"PREPARE read_nodes(uuid[], uuid[], text[]) AS {OnCopies(readSql)}", cancellation);
        await RunAsync(connection, $"PREPARE lock_jobs(uuid[], uuid[]) AS {OnCopies(lockSql)}", cancellation);
        await RunAsync(connection, $"EXECUTE read_nodes{ReadArguments}; EXECUTE lock_jobs{LockArguments}", cancellation);
        await RunAsync(connection, Grow, cancellation);

        var read = await ExplainAsync(connection, $"EXECUTE read_nodes{ReadArguments}", cancellation);
        var lockRead = await ExplainAsync(connection, $"EXECUTE lock_jobs{LockArguments}", cancellation);
        await RunAsync(connection, "DEALLOCATE read_nodes; DEALLOCATE lock_jobs", cancellation);
        return (read, lockRead);
    }

    private static string OnCopies(string sql) => sql.Replace("dagmaster.", "pg_temp.", StringComparison.Ordinal);

    private static async Task<string> PlanCacheModeAsync(NpgsqlConnection connection, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand("SHOW plan_cache_mode", connection);
        return (string)(await command.ExecuteScalarAsync(cancellation))!;
    }

    private static Task<string> ExplainAsync(NpgsqlConnection connection, string execute, CancellationToken cancellation) =>
        LinesAsync(connection, $"EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) {execute}", cancellation);

    private Task<NpgsqlConnection> OpenDagMasterAsync(CancellationToken cancellation) =>
        App.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(cancellation).AsTask();
}

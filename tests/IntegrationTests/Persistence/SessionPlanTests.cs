using DagMaster.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static DagMaster.IntegrationTests.Persistence.PlanSessions;

namespace DagMaster.IntegrationTests.Persistence;

/// <summary>
/// DagMaster's sessions plan on indexes even when the statistics say a table is small, so that a cached plan cannot
/// go on scanning the queue, a job's nodes or the jobs once a fan-out or a burst of submissions has filled them
/// (ADR-0118). Each case is shown on a session of DagMaster's pool and, as the contrast that makes it mean
/// something, on a plain session of the same database.
/// </summary>
public sealed class SessionPlanTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    // A delete by a list of keys, as a step deletes its finished tasks, from a table last analysed while it held
    // two rows (as the queue often is between bursts), planned once for every later call.
    private const string PlanOfDeleteFromASmallTable = """
        CREATE TEMP TABLE finished (task_id text PRIMARY KEY, queue text) ON COMMIT DROP;
        INSERT INTO finished VALUES ('a', 'q'), ('b', 'q');
        ANALYZE finished;
        SET LOCAL plan_cache_mode = force_generic_plan;
        PREPARE delete_finished(text[]) AS DELETE FROM finished WHERE task_id = ANY($1);
        EXPLAIN EXECUTE delete_finished('{a,b}');
        DEALLOCATE delete_finished;
        """;

    // Children inserted while their parent table held two rows (analysed so), enough times for PostgreSQL to keep
    // the foreign key check's generic plan for the session; then the parent grows, as the jobs do during a burst
    // of submissions, and 20 more children are inserted, as a fan-out inserts its children.
    private const string ChildrenOfAParentThatGrew = """
        CREATE TEMP TABLE parent (id int PRIMARY KEY, pad text) ON COMMIT DROP;
        CREATE TEMP TABLE child (parent_id int REFERENCES parent (id), n int) ON COMMIT DROP;
        INSERT INTO parent VALUES (1, 'a'), (2, 'b');
        ANALYZE parent;
        INSERT INTO child VALUES (1, 1); INSERT INTO child VALUES (1, 2); INSERT INTO child VALUES (1, 3);
        INSERT INTO child VALUES (1, 4); INSERT INTO child VALUES (1, 5); INSERT INTO child VALUES (1, 6);
        INSERT INTO child VALUES (1, 7); INSERT INTO child VALUES (1, 8); INSERT INTO child VALUES (1, 9);
        INSERT INTO parent SELECT g, 'x' FROM generate_series(3, 20000) g;
        """;

    private const string ScansOfTheParent = "SELECT seq_scan FROM pg_stat_xact_user_tables WHERE relid = 'parent'::regclass";

    [Fact]
    public async Task DagMasterSession_DeleteByKeysFromATableAnalysedSmall_UsesTheIndex()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var connection = await App.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);

        var plan = await LinesAsync(connection, PlanOfDeleteFromASmallTable, cancellation);

        plan.ShouldContain("Index Scan");
        plan.ShouldNotContain("Seq Scan");
    }

    [Fact]
    public async Task PlainSession_DeleteByKeysFromATableAnalysedSmall_ScansIt()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var connection = await PlanSessions.OpenPlainAsync(App.ConnectionString, cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);

        var plan = await LinesAsync(connection, PlanOfDeleteFromASmallTable, cancellation);

        plan.ShouldContain("Seq Scan");
    }

    [Fact]
    public async Task DagMasterSession_ForeignKeyCheckPlannedWhileTheParentWasSmall_LooksUpTheGrownParentByIndex()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var connection = await App.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);

        var scans = await ParentScansWhileInsertingChildrenAsync(connection, cancellation);

        scans.ShouldBe(0);
    }

    [Fact]
    public async Task PlainSession_ForeignKeyCheckPlannedWhileTheParentWasSmall_ScansTheGrownParentForEachChild()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var connection = await PlanSessions.OpenPlainAsync(App.ConnectionString, cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);

        var scans = await ParentScansWhileInsertingChildrenAsync(connection, cancellation);

        scans.ShouldBe(20);
    }

    /// <summary>Scans of the grown parent made by the foreign key checks of 20 children inserted after it grew.</summary>
    private static async Task<long> ParentScansWhileInsertingChildrenAsync(NpgsqlConnection connection, CancellationToken cancellation)
    {
        await LinesAsync(connection, ChildrenOfAParentThatGrew, cancellation);
        var before = await ScalarAsync(connection, ScansOfTheParent, cancellation);
        await LinesAsync(connection, "INSERT INTO child SELECT 1, g FROM generate_series(1, 20) g", cancellation);
        return await ScalarAsync(connection, ScansOfTheParent, cancellation) - before;
    }
}

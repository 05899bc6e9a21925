using DagMaster.Domain.Jobs;
using DagMaster.Infrastructure.Persistence;
using DagMaster.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DagMaster.IntegrationTests.Persistence;

/// <summary>
/// A step's statements are planned on indexes even when the statistics say a table is small, so that a cached plan
/// cannot go on scanning the queue or a job's nodes once a fan-out has filled them (ADR-0116).
/// </summary>
public sealed class StepPlanTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    // A delete by a list of keys, as a step deletes its finished tasks, from a table last analysed while it held
    // two rows (as the queue often is between bursts).
    private const string PlanOfDeleteFromASmallTable = """
        CREATE TEMP TABLE finished (task_id text PRIMARY KEY, queue text) ON COMMIT DROP;
        INSERT INTO finished VALUES ('a', 'q'), ('b', 'q');
        ANALYZE finished;
        SET LOCAL plan_cache_mode = force_generic_plan;
        PREPARE delete_finished(text[]) AS DELETE FROM finished WHERE task_id = ANY($1);
        EXPLAIN EXECUTE delete_finished('{a,b}');
        DEALLOCATE delete_finished;
        """;

    [Fact]
    public async Task StepTransaction_WhenATableWasSmall_PlansItsDeleteByKeyOnTheIndex()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var scope = App.Services.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<IJobRepository>();
        var db = scope.ServiceProvider.GetRequiredService<DagMasterDbContext>();
        await jobs.GetManyForUpdateAsync([new JobId(Guid.NewGuid())], [], cancellation);

        var plan = await PlanAsync((NpgsqlConnection)db.Database.GetDbConnection(), cancellation);

        plan.ShouldContain("Index Scan");
        plan.ShouldNotContain("Seq Scan");
    }

    [Fact]
    public async Task OtherTransaction_WhenATableWasSmall_ScansIt()
    {
        // The contrast that makes the test above mean something: outside a step the planner scans such a table.
        var cancellation = TestContext.Current.CancellationToken;
        await using var connection = await App.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);

        var plan = await PlanAsync(connection, cancellation);

        plan.ShouldContain("Seq Scan");
    }

    private static async Task<string> PlanAsync(NpgsqlConnection connection, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(PlanOfDeleteFromASmallTable, connection);
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        do
        {
            while (await reader.ReadAsync(cancellation))
            {
                lines.Add(reader.GetString(0));
            }
        }
        while (await reader.NextResultAsync(cancellation));

        return string.Join('\n', lines);
    }
}

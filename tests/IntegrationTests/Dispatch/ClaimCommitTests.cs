using DagMaster.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DagMaster.IntegrationTests.Dispatch;

/// <summary>
/// A claim commits without waiting for its WAL flush (ADR-0090); the setting is the claim transaction's own and
/// never stays on the pooled connection, where it would make later results' commits non-durable too.
/// </summary>
public sealed class ClaimCommitTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    private JobsApi Jobs => new(Client);

    [Fact]
    public async Task ClaimTasks_AfterClaims_PooledConnectionsStillCommitDurably()
    {
        var jobIds = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            jobIds.Add(await Jobs.SubmitOkAsync("echo_test", new { message = $"claim-{i}" }));
        }

        var worker = new RawWorker(App);
        var tasks = await worker.ClaimTasksOfAsync(jobIds, 3);
        tasks.Count.ShouldBe(3);

        // Every connection the pool holds now, the claims' among them, answers with the server's default.
        var dataSource = App.Services.GetRequiredService<NpgsqlDataSource>();
        var connections = new List<NpgsqlConnection>();
        try
        {
            for (var i = 0; i < 20; i++)
            {
                connections.Add(await dataSource.OpenConnectionAsync(TestContext.Current.CancellationToken));
            }

            foreach (var connection in connections)
            {
                await using var show = new NpgsqlCommand("SHOW synchronous_commit", connection);
                ((string)(await show.ExecuteScalarAsync(TestContext.Current.CancellationToken))!).ShouldBe("on");
            }
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }

        // The claims took effect: each task's node is running.
        foreach (var task in tasks)
        {
            var node = await Jobs.NodeAsync(task.GetProperty("job_id").GetGuid(), task.GetProperty("node_id").GetString()!);
            node.GetProperty("status").GetString().ShouldBe("running");
        }
    }
}

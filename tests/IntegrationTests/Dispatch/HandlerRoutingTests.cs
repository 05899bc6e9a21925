using DagMaster.IntegrationTests.Infrastructure;

namespace DagMaster.IntegrationTests.Dispatch;

/// <summary>A worker claims only tasks whose handler it has; a task nobody can run waits, visible, in its queue.</summary>
public sealed class HandlerRoutingTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private JobsApi Jobs => new(Client);

    [Fact]
    public async Task ClaimTasks_WhenOnlyTheEmbeddedWorkerRuns_TaskForAnUnknownHandlerStaysQueued()
    {
        var unknown = Path.Combine(App.WorkflowsDirectory, "zz_routing_unknown.yaml");
        var witness = Path.Combine(App.WorkflowsDirectory, "zz_routing_witness.yaml");
        await File.WriteAllTextAsync(unknown, OneTaskWorkflow("routing_unknown", "gdal.not_on_any_worker"), Ct);
        await File.WriteAllTextAsync(witness, OneTaskWorkflow("routing_witness", "echo"), Ct);
        try
        {
            (await Client.PostAsync("/api/v1/workflows/reload", null, Ct)).EnsureSuccessStatusCode();

            // A second DagMaster instance on the same database, running the embedded worker as build/run does.
            await using var embedded = new AdditionalHost(App, settings: new Dictionary<string, string>
            {
                ["EMBEDDED_WORKER"] = "true",
                ["EMBEDDED_WORKER_URL"] = App.ServerAddress.ToString(),
            });
            _ = embedded.Services; // started

            var stuck = await Jobs.SubmitOkAsync("routing_unknown", new { });
            await Jobs.WaitForNodeAsync(stuck, "work", "dispatched");

            // Submitted after the stuck task was queued, on the same queue: once it completed, the worker had claimed
            // from that queue and passed the stuck task by.
            var seen = await Jobs.SubmitOkAsync("routing_witness", new { });
            await Jobs.WaitForStatusAsync(seen, "completed", timeoutSeconds: 30);

            var node = await Jobs.NodeAsync(stuck, "work");
            node.GetProperty("status").GetString().ShouldBe("dispatched");
            node.GetProperty("attempt").GetInt32().ShouldBe(1);
            node.GetProperty("error").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
            (await Jobs.GetAsync(stuck)).GetProperty("status").GetString().ShouldBe("running");
        }
        finally
        {
            File.Delete(unknown);
            File.Delete(witness);
            await App.ExecuteSqlAsync("DELETE FROM dagmaster.workflow_versions WHERE workflow_id IN ('routing_unknown', 'routing_witness')");
        }
    }

    private static string OneTaskWorkflow(string id, string handler) => $"""
        workflow_id: {id}
        name: {id}
        version: 1
        nodes:
          START:
            type: start
            next: work
          work:
            type: task
            handler: {handler}
            queue: container-tasks
            params:
              message: routed
            next: END
          END:
            type: end
        """;
}

using System.Net.Http.Headers;
using System.Text;
using DagMaster.IntegrationTests.Infrastructure;

namespace DagMaster.IntegrationTests.Workflows;

/// <summary>WORKFLOW_MAX_NODES (default 2,000) holds for validation and for files in WORKFLOWS_DIR alike.</summary>
public sealed class WorkflowSizeLimitTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A list-form chain of <paramref name="nodes"/> nodes: start, tasks, end.</summary>
    private static string ListFormChain(string workflowId, int nodes)
    {
        var yaml = new StringBuilder($"workflow_id: {workflowId}\nname: Wide\nversion: 1\nnodes:\n  - id: s\n    type: start\n    next: t1\n");
        for (var i = 1; i <= nodes - 2; i++)
        {
            yaml.Append($"  - id: t{i}\n    type: task\n    handler: echo\n    next: {(i == nodes - 2 ? "e" : $"t{i + 1}")}\n");
        }

        return yaml.Append("  - id: e\n    type: end\n").ToString();
    }

    [Fact]
    public async Task ValidateWorkflow_WhenItHasMoreNodesThanTheLimit_Returns422WithTheLimitOnly()
    {
        var content = new StringContent(ListFormChain("too_wide", 2_001), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");

        var problem = await (await Client.PostAsync("/api/v1/workflows/validate", content, Ct)).ReadProblemAsync(422);

        var error = problem.GetProperty("errors").EnumerateArray().Single();
        error.GetProperty("code").GetString().ShouldBe("nodes.limit");
        error.GetProperty("message").GetString().ShouldBe("the workflow has 2,001 nodes; a workflow may have at most 2,000 (WORKFLOW_MAX_NODES)");
    }

    [Fact]
    public async Task ReloadWorkflows_WhenAFileHasMoreNodesThanTheLimit_RejectsItWithTheLimit()
    {
        var file = Path.Combine(App.WorkflowsDirectory, "zz_too_wide.yaml");
        await File.WriteAllTextAsync(file, ListFormChain("too_wide_file", 2_001), Ct);
        try
        {
            var json = await (await Client.PostAsync("/api/v1/workflows/reload", null, Ct)).ReadJsonAsync(200);

            var rejected = json.GetProperty("rejected").EnumerateArray().Single();
            rejected.GetProperty("file").GetString().ShouldBe("zz_too_wide.yaml");
            rejected.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).ShouldBe(["nodes.limit"]);
            (await Client.GetAsync("/api/v1/workflows/too_wide_file", Ct)).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        }
        finally
        {
            File.Delete(file);
        }
    }
}

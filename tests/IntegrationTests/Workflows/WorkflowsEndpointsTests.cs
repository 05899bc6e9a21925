using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using DagMaster.IntegrationTests.Infrastructure;

namespace DagMaster.IntegrationTests.Workflows;

public sealed class WorkflowsEndpointsTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    private static readonly string[] s_originalIds =
    [
        "checkpoint_test", "data_pipeline_test", "echo_test", "fan_out_test", "hello_world",
        "raster_ingest", "raster_process", "raster_validate_test", "retry_fan_out_test", "retry_test",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListWorkflows_WhenStarted_ListsAllOriginalsAndTheListFormVersion()
    {
        var json = await (await Client.GetAsync("/api/v1/workflows", Ct)).ReadJsonAsync(200);

        var byId = json.EnumerateArray().ToDictionary(w => w.GetProperty("workflow_id").GetString()!);
        byId.Keys.ShouldBeSubsetOf(s_originalIds.Concat(["echo_reload_probe", "b2b_artifacts_probe"]));
        s_originalIds.ShouldBeSubsetOf(byId.Keys);
        var rasterIngest = byId["raster_ingest"];
        rasterIngest.GetProperty("latest_version").GetInt32().ShouldBe(2);
        rasterIngest.GetProperty("versions").EnumerateArray().Select(v => v.GetInt32()).ShouldBe([2, 1]);
        byId["echo_test"].GetProperty("node_count").GetInt32().ShouldBe(3);
        byId["echo_test"].GetProperty("name").GetString().ShouldBe("Echo Test Workflow");
    }

    [Fact]
    public async Task GetWorkflow_WhenVersionGiven_ReturnsThatVersionsGraph()
    {
        var json = await (await Client.GetAsync("/api/v1/workflows/raster_ingest?version=1", Ct)).ReadJsonAsync(200);

        json.GetProperty("version").GetInt32().ShouldBe(1);
        json.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ShouldBe(["start", "validate", "convert_cog", "end"]);
        json.GetProperty("edges").EnumerateArray().Select(e => $"{e.GetProperty("from").GetString()}->{e.GetProperty("to").GetString()}")
            .ShouldBe(["start->validate", "validate->convert_cog", "convert_cog->end"]);
    }

    [Fact]
    public async Task GetWorkflow_WhenNoVersionGiven_ReturnsLatestWithInputsAndNodeDetails()
    {
        var json = await (await Client.GetAsync("/api/v1/workflows/echo_test", Ct)).ReadJsonAsync(200);

        json.GetProperty("version").GetInt32().ShouldBe(1);
        var count = json.GetProperty("inputs").EnumerateArray().Single(i => i.GetProperty("name").GetString() == "count");
        count.GetProperty("type").GetString().ShouldBe("integer");
        count.GetProperty("required").GetBoolean().ShouldBeFalse();
        count.GetProperty("default").GetInt64().ShouldBe(1);
        var echo = json.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("id").GetString() == "echo_handler");
        echo.GetProperty("handler").GetString().ShouldBe("echo");
        echo.GetProperty("retry").GetProperty("max_attempts").GetInt32().ShouldBe(3);
        echo.GetProperty("params").GetProperty("message").GetString().ShouldBe("{{ inputs.message }}");
    }

    [Fact]
    public async Task GetWorkflow_WhenUnknown_Returns404Problem()
    {
        var problem = await (await Client.GetAsync("/api/v1/workflows/does_not_exist", Ct)).ReadProblemAsync(404);

        problem.GetProperty("detail").GetString()!.ShouldContain("does_not_exist");
        problem.TryGetProperty("trace_id", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task ValidateWorkflow_WhenValid_Returns200WithParsedGraph()
    {
        var yaml = await File.ReadAllTextAsync(Path.Combine(App.WorkflowsDirectory, "fan_out_test.yaml"), Ct);

        var json = await (await PostYamlAsync(yaml)).ReadJsonAsync(200);

        json.GetProperty("workflow_id").GetString().ShouldBe("fan_out_test");
        var aggregate = json.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("id").GetString() == "aggregate");
        aggregate.GetProperty("aggregates_fan_out").GetString().ShouldBe("split");
        aggregate.GetProperty("aggregation").GetString().ShouldBe("collect");
    }

    [Fact]
    public async Task ValidateWorkflow_WhenInvalid_Returns422WithEveryErrorAndItsLine()
    {
        const string yaml = """
            workflow_id: broken
            name: Broken
            colour: blue
            nodes:
              start:
                type: start
                next: a
              a:
                handler: echo
                next: b
              b:
                handler: echo
                next: a
              end:
                type: end
            """;

        var problem = await (await PostYamlAsync(yaml)).ReadProblemAsync(422);

        var errors = problem.GetProperty("errors").EnumerateArray()
            .Select(e => (Code: e.GetProperty("code").GetString(), Line: e.GetProperty("line").GetInt32(), Message: e.GetProperty("message").GetString()!))
            .ToList();
        errors.ShouldContain(e => e.Code == "yaml.key.unknown" && e.Line == 3 && e.Message.Contains("colour"));
        errors.ShouldContain(e => e.Code == "graph.cycle" && e.Message.Contains("a → b → a"));
        problem.GetProperty("title").GetString().ShouldBe("The workflow is not valid.");
    }

    [Fact]
    public async Task ValidateWorkflow_WhenAliasBomb_Returns422QuicklyWithLimitError()
    {
        var yaml = new StringBuilder("workflow_id: bomb\nname: Bomb\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 12; i++)
        {
            yaml.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        }

        var watch = Stopwatch.StartNew();
        var problem = await (await PostYamlAsync(yaml.ToString())).ReadProblemAsync(422);
        watch.Stop();

        var error = problem.GetProperty("errors").EnumerateArray().Single();
        error.GetProperty("code").GetString().ShouldBe("yaml.limit");
        error.GetProperty("message").GetString()!.ShouldContain("aliases");
        TestContext.Current.TestOutputHelper!.WriteLine($"alias bomb refused in {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task ValidateWorkflow_When5MegabyteBody_Returns413()
    {
        var yaml = "workflow_id: big\nname: Big\ndescription: " + new string('x', 5 * 1024 * 1024) + "\n";

        var problem = await (await PostYamlAsync(yaml)).ReadProblemAsync(413);

        problem.GetProperty("detail").GetString()!.ShouldContain("limited");
    }

    [Fact]
    public async Task ReloadWorkflows_WhenFileChangesARegisteredVersion_RejectsItAndKeepsTheOthers()
    {
        var echo = await File.ReadAllTextAsync(Path.Combine(App.WorkflowsDirectory, "echo_test.yaml"), Ct);
        var changed = Path.Combine(App.WorkflowsDirectory, "zz_echo_changed.yaml");
        var added = Path.Combine(App.WorkflowsDirectory, "zz_echo_probe.yaml");
        await File.WriteAllTextAsync(changed, echo.Replace("Echo the input parameters back", "Changed text"), Ct);
        await File.WriteAllTextAsync(added, echo.Replace("workflow_id: echo_test", "workflow_id: echo_reload_probe").Replace("version: 1", "version: 7"), Ct);
        try
        {
            var json = await (await Client.PostAsync("/api/v1/workflows/reload", null, Ct)).ReadJsonAsync(200);

            var rejected = json.GetProperty("rejected").EnumerateArray().Single();
            rejected.GetProperty("file").GetString().ShouldBe("zz_echo_changed.yaml");
            rejected.GetProperty("errors")[0].GetProperty("code").GetString().ShouldBe("workflow.version.changed");
            json.GetProperty("registered").EnumerateArray().Select(r => r.GetProperty("file").GetString()).ShouldBe(["zz_echo_probe.yaml"]);
            json.GetProperty("unchanged").GetArrayLength().ShouldBe(11);
            var probe = await (await Client.GetAsync("/api/v1/workflows/echo_reload_probe", Ct)).ReadJsonAsync(200);
            probe.GetProperty("version").GetInt32().ShouldBe(7);
            var original = await (await Client.GetAsync("/api/v1/workflows/echo_test", Ct)).ReadJsonAsync(200);
            original.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("id").GetString() == "echo_handler")
                .GetProperty("description").GetString().ShouldBe("Echo the input parameters back");
        }
        finally
        {
            File.Delete(changed);
            File.Delete(added);
            await App.ExecuteSqlAsync("DELETE FROM dagmaster.workflow_versions WHERE workflow_id = 'echo_reload_probe'");
        }
    }

    private Task<HttpResponseMessage> PostYamlAsync(string yaml)
    {
        var content = new StringContent(yaml, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
        // Expect: 100-continue lets the server refuse an oversized body before it is sent.
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/workflows/validate") { Content = content };
        request.Headers.ExpectContinue = true;
        return Client.SendAsync(request, Ct);
    }
}

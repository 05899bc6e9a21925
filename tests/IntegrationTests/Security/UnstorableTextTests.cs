using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DagMaster.IntegrationTests.Infrastructure;

namespace DagMaster.IntegrationTests.Security;

/// <summary>Text PostgreSQL cannot store (NUL, unpaired surrogates, invalid UTF-8) is refused with the field's name, never a 500.</summary>
public sealed class UnstorableTextTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    private const string NulMessage = "must not contain the NUL character (U+0000)";
    private const string UnicodeMessage = "must be well-formed Unicode (no unpaired surrogate, no invalid UTF-8)";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SubmitJob_WhenCorrelationIdHasNul_Returns422NamingItAndStoresNothing()
    {
        var problem = await (await PostRawAsync(Client, "/api/v1/jobs",
            """{"workflow_id": "echo_test", "inputs": {"message": "hi"}, "correlation_id": "a\u0000b"}""")).ReadProblemAsync(422);

        Errors(problem).ShouldBe(new Dictionary<string, string> { ["correlation_id"] = NulMessage });
        await ShouldHaveNoJobsAsync();
    }

    [Fact]
    public async Task SubmitJob_WhenInputsHoldNulAndUnpairedSurrogates_Returns422NamingEveryPath()
    {
        var problem = await (await PostRawAsync(Client, "/api/v1/jobs", """
            {"workflow_id": "echo_test", "inputs": {"message": "a\u0000b", "list": [1, "x", {"y": "\ud800"}], "k\u0000": 1, "low": "\udc00z"}}
            """)).ReadProblemAsync(422);

        Errors(problem).ShouldBe(new Dictionary<string, string>
        {
            ["inputs.message"] = NulMessage,
            ["inputs.list[2].y"] = UnicodeMessage,
            ["inputs"] = "a property name " + NulMessage,
            ["inputs.low"] = UnicodeMessage,
        });
        await ShouldHaveNoJobsAsync();
    }

    [Fact]
    public async Task SubmitJob_WhenBodyHasInvalidUtf8_Returns422NamingTheField()
    {
        var body = Encoding.UTF8.GetBytes("""{"workflow_id": "echo_test", "inputs": {"message": "a#b"}}""");
        body[Array.IndexOf(body, (byte)'#')] = 0xFF;
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");

        var problem = await (await Client.PostAsync("/api/v1/jobs", content, Ct)).ReadProblemAsync(422);

        Errors(problem).ShouldBe(new Dictionary<string, string> { ["inputs.message"] = UnicodeMessage });
    }

    [Fact]
    public async Task SubmitJob_WhenTextHasSurrogatePairs_AcceptsAndKeepsThem()
    {
        var job = await (await PostRawAsync(Client, "/api/v1/jobs",
            """{"workflow_id": "echo_test", "inputs": {"message": "\ud83d\ude00 ok"}, "correlation_id": "\ud83c\udf0d"}""")).ReadJsonAsync(201);

        job.GetProperty("inputs").GetProperty("message").GetString().ShouldBe("😀 ok");
        job.GetProperty("correlation_id").GetString().ShouldBe("🌍");
    }

    [Fact]
    public async Task SubmitAsset_WhenRefsAndRequestIdHoldNul_Returns422NamingThem()
    {
        await new B2BApi(App, Client).CreatePlatformAsync("nulhub");

        var problem = await (await PostRawAsync(Client, "/api/v1/platforms/nulhub/submissions", """
            {"request_id": "r\u0000", "kind": "raster", "refs": {"dataset_id": "d\u0000", "resource_id": "r"}, "inputs": {"message": "m"}}
            """)).ReadProblemAsync(422);

        Errors(problem).Keys.ShouldBe(["request_id", "refs.dataset_id"], ignoreOrder: true);
    }

    [Fact]
    public async Task ReportResults_WhenAnOutputHoldsNul_Returns422AndAppliesNothing()
    {
        var jobId = await new JobsApi(Client).SubmitOkAsync("echo_test", new { message = "hi" });
        var worker = new RawWorker(App);
        var task = await worker.ClaimOneAsync();
        var taskId = task.GetProperty("task_id").GetString()!;

        var problem = await (await PostRawAsync(worker.Client, "/api/v1/worker/tasks/results",
            $$$"""{"results": [{"task_id": "{{{taskId}}}", "output": {"ok": true}}, {"task_id": "{{{taskId}}}x", "output": {"text": "\u0000"}}]}""")).ReadProblemAsync(422);

        Errors(problem).ShouldBe(new Dictionary<string, string> { ["results[1].output.text"] = NulMessage });
        var node = await new JobsApi(Client).NodeAsync(jobId, task.GetProperty("node_id").GetString()!);
        node.GetProperty("status").GetString().ShouldBe("running");
    }

    [Theory]
    [InlineData("/api/v1/assets?platform_id=a%00b", "platform_id")]
    [InlineData("/api/v1/jobs?platform_id=%00", "platform_id")]
    [InlineData("/api/v1/jobs?correlation_id=x&ref.dataset%00=1", "ref.dataset\\0")]
    [InlineData("/api/v1/platforms/ddh/webhooks?request_id=%00", "request_id")]
    public async Task List_WhenQueryValueHasNul_Returns400NamingTheParameter(string url, string parameter)
    {
        var problem = await (await Client.GetAsync(url, Ct)).ReadProblemAsync(400);

        problem.GetProperty("errors").TryGetProperty(parameter, out _).ShouldBeTrue(problem.ToString());
    }

    [Fact]
    public async Task ListAssets_WhenPlatformIdIsFiveThousandCharacters_Returns400NamingTheLimit()
    {
        var problem = await (await Client.GetAsync($"/api/v1/assets?platform_id={new string('a', 5_000)}", Ct)).ReadProblemAsync(400);

        Errors(problem)["platform_id"].ShouldBe("must be at most 2048 characters (it has 5000)");
    }

    [Theory]
    [InlineData("/api/v1/assets?platform_id=", 65, "platform_id")]
    [InlineData("/api/v1/jobs?platform_id=", 65, "platform_id")]
    [InlineData("/api/v1/jobs?correlation_id=", 257, "correlation_id")]
    [InlineData("/api/v1/platforms/ddh/webhooks?request_id=", 129, "request_id")]
    [InlineData("/api/v1/jobs?ref.dataset_id=", 513, "refs")]
    [InlineData("/api/v1/assets?ref.dataset_id=", 513, "refs")]
    public async Task List_WhenQueryValueIsLongerThanItsField_Returns422NamingIt(string url, int length, string field)
    {
        var problem = await (await Client.GetAsync(url + new string('a', length), Ct)).ReadProblemAsync(422);

        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
    }

    private static Task<HttpResponseMessage> PostRawAsync(HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"), Ct);

    private static Dictionary<string, string> Errors(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().ToDictionary(e => e.Name, e => e.Value.EnumerateArray().Single().GetString()!);

    private async Task ShouldHaveNoJobsAsync()
    {
        var jobs = await Client.GetFromJsonAsync<JsonElement>("/api/v1/jobs", Ct);
        jobs.GetProperty("items").GetArrayLength().ShouldBe(0);
    }
}

using System.Net.Http.Json;
using System.Net;
using DagMaster.IntegrationTests.Infrastructure;

namespace DagMaster.IntegrationTests.Jobs;

public sealed class SubmitJobTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    private JobsApi Jobs => new(Client);

    [Fact]
    public async Task Submit_WhenInputsAreBad_Returns422ListingEveryProblem()
    {
        var problem = await (await Jobs.SubmitAsync(new { workflow_id = "echo_test", inputs = new { count = "5", colour = "blue" } })).ReadProblemAsync(422);

        var errors = problem.GetProperty("errors");
        errors.GetProperty("inputs.message")[0].GetString()!.ShouldContain("required");
        errors.GetProperty("inputs.count")[0].GetString()!.ShouldContain("integer");
        errors.GetProperty("inputs.colour")[0].GetString()!.ShouldContain("not an input");
        (await Client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/jobs", TestContext.Current.CancellationToken))
            .GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Submit_WhenWorkflowUnknown_Returns404()
    {
        var problem = await (await Jobs.SubmitAsync(new { workflow_id = "no_such_flow", inputs = new { } })).ReadProblemAsync(404);

        problem.GetProperty("detail").GetString()!.ShouldContain("no_such_flow");
    }

    [Fact]
    public async Task Submit_WhenBodyIsMalformedOrHasUnknownFields_Returns400()
    {
        using var malformed = new StringContent("{\"workflow_id\": ", System.Text.Encoding.UTF8, "application/json");
        (await Client.PostAsync("/api/v1/jobs", malformed, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Jobs.SubmitAsync(new { workflow_id = "echo_test", inputs = new { message = "x" }, colour = "blue" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Submit_WhenBodyIsNotJson_Returns415WithItsStableType()
    {
        using var text = new StringContent("workflow_id=echo_test", System.Text.Encoding.UTF8, "text/plain");

        var problem = await (await Client.PostAsync("/api/v1/jobs", text, TestContext.Current.CancellationToken)).ReadProblemAsync(415);

        problem.GetProperty("type").GetString().ShouldBe("https://dagmaster.dev/problems/unsupported-media-type");
        problem.GetProperty("trace_id").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Submit_When10MegabyteBody_Returns413WithoutWritingAnything()
    {
        var huge = new string('x', 10 * 1024 * 1024);

        // Expect: 100-continue lets the server refuse before the body is sent, as a well-behaved client would.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/jobs")
        {
            Content = JsonContent.Create(new { workflow_id = "echo_test", inputs = new { message = huge } }),
        };
        request.Headers.ExpectContinue = true;
        var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        var list = await (await Client.GetAsync("/api/v1/jobs", TestContext.Current.CancellationToken)).ReadJsonAsync(200);
        list.GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Submit_WhenJsonIsNestedTooDeeply_Returns400()
    {
        var deep = new string('[', 200) + new string(']', 200);
        using var content = new StringContent("{\"workflow_id\":\"echo_test\",\"inputs\":{\"message\":" + deep + "}}", System.Text.Encoding.UTF8, "application/json");

        (await Client.PostAsync("/api/v1/jobs", content, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Submit_WhenIdempotencyKeyRepeats_SameBodyReturnsSameJobAndDifferentBodyConflicts()
    {
        var body = new { workflow_id = "echo_test", inputs = new { message = "once" } };

        var first = await (await Jobs.SubmitAsync(body, "key-1")).ReadJsonAsync(201);
        var replay = await (await Jobs.SubmitAsync(body, "key-1")).ReadJsonAsync(200);
        var conflict = await (await Jobs.SubmitAsync(new { workflow_id = "echo_test", inputs = new { message = "twice" } }, "key-1")).ReadProblemAsync(409);

        replay.GetProperty("job_id").GetGuid().ShouldBe(first.GetProperty("job_id").GetGuid());
        conflict.GetProperty("detail").GetString()!.ShouldContain("key-1");
        var list = await (await Client.GetAsync("/api/v1/jobs", TestContext.Current.CancellationToken)).ReadJsonAsync(200);
        list.GetProperty("items").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Submit_WhenManyArriveTogether_EachGetsItsOwnAnswerAndNoJobIsDoubled()
    {
        // Submissions that arrive together share transactions (group commit): refusals answer only their own
        // request, and four new submissions with one idempotency key still make one job.
        var valid = Enumerable.Range(0, 30).Select(i => Jobs.SubmitAsync(new { workflow_id = "echo_test", inputs = new { message = $"together-{i}" } }));
        var keyed = Enumerable.Range(0, 4).Select(_ => Jobs.SubmitAsync(new { workflow_id = "echo_test", inputs = new { message = "keyed" } }, "together-key"));
        var badInputs = Jobs.SubmitAsync(new { workflow_id = "echo_test", inputs = new { count = "x" } });
        var unknown = Jobs.SubmitAsync(new { workflow_id = "no_such_flow", inputs = new { } });

        var validAnswers = await Task.WhenAll(valid);
        var keyedAnswers = await Task.WhenAll(keyed);

        var validIds = new List<Guid>();
        foreach (var answer in validAnswers)
        {
            validIds.Add((await answer.ReadJsonAsync(201)).GetProperty("job_id").GetGuid());
        }

        validIds.Distinct().Count().ShouldBe(30);
        (await badInputs).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await unknown).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        keyedAnswers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        keyedAnswers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.Created || a.StatusCode == HttpStatusCode.OK || a.StatusCode == HttpStatusCode.Conflict);
        var keyedIds = new HashSet<Guid>();
        foreach (var answer in keyedAnswers.Where(a => a.StatusCode != HttpStatusCode.Conflict))
        {
            keyedIds.Add((await answer.ReadJsonAsync((int)answer.StatusCode)).GetProperty("job_id").GetGuid());
        }

        keyedIds.Count.ShouldBe(1);
        var list = await (await Client.GetAsync("/api/v1/jobs?limit=100", TestContext.Current.CancellationToken)).ReadJsonAsync(200);
        list.GetProperty("items").GetArrayLength().ShouldBe(31);
    }

    [Fact]
    public async Task Submit_WhenOptionalInputsOmitted_AppliesDefaults()
    {
        var jobId = await Jobs.SubmitOkAsync("checkpoint_test", new { message = "m" });

        var inputs = (await Jobs.GetAsync(jobId)).GetProperty("inputs");
        inputs.GetProperty("steps").GetInt64().ShouldBe(5);
        inputs.GetProperty("step_delay").GetDouble().ShouldBe(0.5);
    }

    [Fact]
    public async Task GetJob_WhenInputsAreLarge_AnswersThemWholeOnEveryRead()
    {
        // Large inputs are kept in memory by the instance that saw them, left out of the job row's read and parsed
        // once: each answer must still carry them exactly as submitted.
        var message = string.Concat(Enumerable.Range(0, 4_000).Select(i => $"item-{i:D5};"));
        var jobId = await Jobs.SubmitOkAsync("echo_test", new { message });

        foreach (var _ in Enumerable.Range(0, 3))
        {
            var job = await Jobs.GetAsync(jobId);
            job.GetProperty("inputs").GetProperty("message").GetString().ShouldBe(message);
            job.GetProperty("workflow_id").GetString().ShouldBe("echo_test");
        }
    }

    [Fact]
    public async Task ListJobs_WhenFilteredAndPaged_ReturnsNewestFirstWithCursor()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await Jobs.SubmitOkAsync("hello_world", new { }));
        }

        await Jobs.SubmitOkAsync("echo_test", new { message = "other" });

        var page1 = await (await Client.GetAsync("/api/v1/jobs?workflow_id=hello_world&limit=3", TestContext.Current.CancellationToken)).ReadJsonAsync(200);
        var cursor = page1.GetProperty("next_cursor").GetString();
        var page2 = await (await Client.GetAsync($"/api/v1/jobs?workflow_id=hello_world&limit=3&cursor={cursor}", TestContext.Current.CancellationToken)).ReadJsonAsync(200);

        var seen = page1.GetProperty("items").EnumerateArray().Concat(page2.GetProperty("items").EnumerateArray()).Select(j => j.GetProperty("job_id").GetGuid()).ToList();
        seen.ShouldBe(Enumerable.Reverse(ids).ToList());
        page2.GetProperty("next_cursor").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        (await Client.GetAsync("/api/v1/jobs?cursor=garbage", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task ListJobs_WhenFilteredByRef_FindsJobsByB2BRef()
    {
        var match = await (await Jobs.SubmitAsync(new { workflow_id = "hello_world", inputs = new { }, external_refs = new { dataset_id = "ds-42", resource_id = "r1" } })).ReadJsonAsync(201);
        await Jobs.SubmitAsync(new { workflow_id = "hello_world", inputs = new { }, external_refs = new { dataset_id = "ds-7" } });

        var page = await (await Client.GetAsync("/api/v1/jobs?ref.dataset_id=ds-42", TestContext.Current.CancellationToken)).ReadJsonAsync(200);

        page.GetProperty("items").EnumerateArray().Select(j => j.GetProperty("job_id").GetGuid()).ShouldBe([match.GetProperty("job_id").GetGuid()]);
    }

    [Fact]
    public async Task GetJob_WhenUnknownOrMalformedId_Returns404()
    {
        (await Client.GetAsync($"/api/v1/jobs/{Guid.NewGuid()}", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Client.GetAsync("/api/v1/jobs/not-a-guid", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

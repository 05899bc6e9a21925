using System.Net;
using System.Text.Json;
using DagMaster.IntegrationTests.Fuzzing;
using DagMaster.IntegrationTests.Infrastructure;

namespace DagMaster.IntegrationTests.Security;

/// <summary>
/// Every operation of /openapi/v1.json (the API) and /openapi/ui.json (the admin pages' forms) gets hostile paths, queries, headers and mutated bodies (a few thousand
/// requests, seeded): nothing may answer 5xx or leave the connection without an answer, and the process stays
/// healthy. Every 4xx an operation of the API contract gives must be one its document lists. The counts per operation
/// are printed and written to artifacts/api-fuzz.txt.
/// </summary>
public sealed class ApiFuzzTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int RequestsPerOperation =>
        int.TryParse(Environment.GetEnvironmentVariable("DAGMASTER_FUZZ_REQUESTS_PER_OPERATION"), out var n) ? n : 60;

    /// <summary>Fixed, so every run sends the same requests; DAGMASTER_FUZZ_SEED explores others.</summary>
    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("DAGMASTER_FUZZ_SEED"), out var seed) ? seed : 20261206;

    [Fact]
    public async Task EveryOperation_WhenSentHostileRequests_NeverAnswers5xxAndTheHostStaysHealthy()
    {
        await using var target = await FuzzTarget.StartAsync(App);
        var documents = new List<JsonElement>();
        foreach (var url in new[] { "/openapi/v1.json", "/openapi/ui.json" })
        {
            documents.Add(JsonDocument.Parse(await (await target.Anonymous.GetAsync(url, Ct)).Content.ReadAsStringAsync(Ct)).RootElement);
        }

        var report = await new ApiFuzzer(target, documents, Seed) { RequestsPerOperation = RequestsPerOperation }.RunAsync();
        await ArtifactReports.WriteAsync("api-fuzz.txt", report.ToString());

        report.Failures.ShouldBeEmpty(string.Join(Environment.NewLine, report.Failures.Take(20)));
        var contract = ApiOperation.AllOf(documents[0]).ToDictionary(o => o.Name, o => o.DocumentedStatuses);
        report.Undocumented4xx(contract).ShouldBeEmpty("4xx answers /openapi/v1.json does not document");
        var operations = documents.Sum(d => ApiOperation.AllOf(d).Count);
        operations.ShouldBeGreaterThanOrEqualTo(73); // 44 API operations and 29 admin page actions: none may drop out of both documents
        report.Requests.ShouldBeGreaterThanOrEqualTo(operations * RequestsPerOperation);
        (await target.Anonymous.GetAsync("/livez", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await target.Anonymous.GetAsync("/readyz", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await new JobsApi(target.Admin).SubmitAsync(new { workflow_id = "echo_test", inputs = new { message = "after the fuzz" } })).StatusCode
            .ShouldBe(HttpStatusCode.Created);
    }
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DagMaster.IntegrationTests.Infrastructure;

namespace DagMaster.IntegrationTests.OpenApi;

/// <summary>
/// The served /openapi/v1.json is the contract: it must equal the checked-in src/Client/openapi/v1.json (from which
/// the .NET client and the TypeScript types are generated), so every API change shows in review. Refresh it with
/// <c>build/openapi-refresh</c>. The served copy is also written to artifacts/openapi/v1.json, which build/test lints.
/// </summary>
public sealed class OpenApiContractTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    private static readonly JsonSerializerOptions s_written = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string CheckedInPath => Path.Combine(Repository.Root, "src", "Client", "openapi", "v1.json");

    [Fact]
    public async Task ServedDocument_WhenComparedWithTheCheckedInOne_IsTheSame()
    {
        var served = await ServedAsync();
        var artifacts = Path.Combine(Repository.Artifacts, "openapi");
        Directory.CreateDirectory(artifacts);
        await File.WriteAllTextAsync(Path.Combine(artifacts, "v1.json"), served, Ct);
        if (Environment.GetEnvironmentVariable("DAGMASTER_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(CheckedInPath, served, Ct);
        }

        var checkedIn = await File.ReadAllTextAsync(CheckedInPath, Ct);
        served.ShouldBe(checkedIn, "The API changed: run build/openapi-refresh and commit src/Client/openapi/v1.json and clients/typescript.");
    }

    [Fact]
    public async Task ServedDocument_EveryOperation_DeclaresItsCredentialSummaryAndProblemAnswers()
    {
        var document = JsonNode.Parse(await ServedAsync())!;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var name = $"{method} {path}";
                operation!["summary"]?.GetValue<string>().ShouldNotBeNullOrWhiteSpace(name);
                var security = operation["security"]!.AsArray();
                var schemes = security.SelectMany(r => r!.AsObject().Select(p => p.Key)).ToList();
                var responses = operation["responses"]!.AsObject();
                if (path is "/livez" or "/readyz" or "/api/v1/health")
                {
                    schemes.ShouldBeEmpty(name);
                    security.Count.ShouldBe(1, name); // [{}]: no credential
                    continue;
                }

                schemes.ShouldBe([path.StartsWith("/api/v1/worker/", StringComparison.Ordinal) || path.StartsWith("/api/v1/callbacks/", StringComparison.Ordinal) ? "WorkerKey" : "ApiKey"], name);
                responses.ContainsKey("401").ShouldBeTrue(name);
                foreach (var (status, response) in responses.Where(r => r.Key.StartsWith('4')))
                {
                    var problem = response!["content"]!["application/problem+json"]!;
                    problem["schema"]!["$ref"]!.GetValue<string>().ShouldEndWith("ProblemDetails", Case.Sensitive, $"{name} {status}");
                    problem["example"]!["type"]!.GetValue<string>().ShouldStartWith("https://dagmaster.dev/problems/", Case.Sensitive, $"{name} {status}");
                }
            }
        }
    }

    [Fact]
    public async Task ServedDocument_Callback_DocumentsTheSignatureWithAnExampleThatVerifies()
    {
        var document = JsonNode.Parse(await ServedAsync())!;
        var receive = document["paths"]!["/api/v1/platforms"]!["post"]!["callbacks"]!["platform_event"]!["{$request.body#/callback_url}"]!["post"]!;
        var header = receive["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "X-DagMaster-Signature")!;
        var body = receive["requestBody"]!["content"]!["application/json"]!["example"]!.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var signature = header["example"]!.GetValue<string>();

        signature.ShouldMatch("^t=[0-9]+,v1=[0-9a-f]{64}$");
        var signedAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(signature[2..signature.IndexOf(',')], System.Globalization.CultureInfo.InvariantCulture));
        DagMaster.Application.Platforms.Common.WebhookSignature
            .Verify("example-signing-secret", signature, System.Text.Encoding.UTF8.GetBytes(body), signedAt, TimeSpan.Zero)
            .ShouldBeTrue();
    }

    private async Task<string> ServedAsync()
    {
        var text = await (await Client.GetAsync("/openapi/v1.json", Ct)).Content.ReadAsStringAsync(Ct);
        return JsonNode.Parse(text)!.ToJsonString(s_written).ReplaceLineEndings("\n") + "\n";
    }
}

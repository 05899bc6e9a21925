using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DagMaster.IntegrationTests.Infrastructure;
using DagMaster.WebUi.Security;
using Microsoft.AspNetCore.Identity;

namespace DagMaster.IntegrationTests.Fuzzing;

/// <summary>
/// A DagMaster instance to fuzz, with a UI operator, and the real things its requests may name: a platform with a
/// key, a running job with a claimed task, an asset and its request. Clients for each kind of caller.
/// </summary>
public sealed partial class FuzzTarget : IAsyncDisposable
{
    public const string UiUser = "fuzzer";
    private const string UiPassword = "fuzz-password-123";

    private FuzzTarget(AdditionalHost host) => Host = host;

    public AdditionalHost Host { get; }

    public HttpClient Admin { get; private set; } = null!;

    public HttpClient Worker { get; private set; } = null!;

    public HttpClient Platform { get; private set; } = null!;

    public HttpClient Anonymous { get; private set; } = null!;

    public HttpClient Browser { get; private set; } = null!;

    public string AntiforgeryToken { get; private set; } = string.Empty;

    /// <summary>Values of path parameters that name something real, by parameter name.</summary>
    public Dictionary<string, string> PathValues { get; } = new(StringComparer.Ordinal);

    /// <summary>Plausible values of body properties, by property name.</summary>
    public Dictionary<string, JsonNode?> BodyValues { get; } = new(StringComparer.Ordinal);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<FuzzTarget> StartAsync(DagMasterAppFixture app)
    {
        var target = new FuzzTarget(new AdditionalHost(app, settings: new Dictionary<string, string>
        {
            ["AdminUi:Users:0:Name"] = UiUser,
            ["AdminUi:Users:0:Role"] = "operator",
            ["AdminUi:Users:0:PasswordHash"] = new PasswordHasher<AdminUiUser>().HashPassword(new AdminUiUser(), UiPassword),
            ["AdminUi:LoginAttemptsPerMinute"] = "100000",
            ["AdminUi:LoginAttemptsPerMinutePerName"] = "100000",
        }));
        await target.SeedAsync(app);
        return target;
    }

    public HttpClient ClientFor(string path, Random random) => random.Next(20) switch
    {
        0 => Anonymous,
        1 or 2 => Platform,
        _ when path.StartsWith("/ui", StringComparison.Ordinal) => Browser,
        _ when path.StartsWith("/api/v1/worker", StringComparison.Ordinal) || path.StartsWith("/api/v1/callbacks", StringComparison.Ordinal) => Worker,
        _ => Admin,
    };

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();

    private async Task SeedAsync(DagMasterAppFixture app)
    {
        Admin = Host.CreateClient();
        Worker = Host.CreateClient();
        Worker.DefaultRequestHeaders.Remove("X-Api-Key");
        Worker.DefaultRequestHeaders.Authorization = new("Bearer", TestHostSettings.WorkerKey);
        Anonymous = Host.CreateClient();
        Anonymous.DefaultRequestHeaders.Remove("X-Api-Key");

        var b2b = new B2BApi(app, Admin);
        await b2b.CreatePlatformAsync("fuzzhub");
        var key = await (await Admin.PostAsJsonAsync("/api/v1/platforms/fuzzhub/keys", new { name = "fuzz" }, Ct)).ReadJsonAsync(201);
        Platform = Host.CreateClient();
        Platform.DefaultRequestHeaders.Remove("X-Api-Key");
        Platform.DefaultRequestHeaders.Add("X-Api-Key", key.GetProperty("key").GetString());
        var accepted = await B2BApi.SubmitOkAsync(Admin, "fuzzhub", "fuzz-req-1", "hello", "v1");
        var jobId = await new JobsApi(Admin).SubmitOkAsync("echo_test", new { message = "fuzz" });
        var task = await new RawWorker(Host, "fuzz-worker").ClaimOneAsync();

        PathValues["jobId"] = jobId.ToString();
        PathValues["taskId"] = task.GetProperty("task_id").GetString()!;
        PathValues["platformId"] = "fuzzhub";
        PathValues["keyId"] = key.GetProperty("key_id").GetString()!;
        PathValues["assetId"] = accepted.AssetId!;
        PathValues["requestId"] = "fuzz-req-1";
        PathValues["ordinal"] = "0";
        PathValues["workflowId"] = "echo_test";

        foreach (var (name, value) in new Dictionary<string, JsonNode?>
        {
            ["workflow_id"] = "echo_test",
            ["inputs"] = new JsonObject { ["message"] = "hello" },
            ["correlation_id"] = "fuzz",
            ["priority"] = 1,
            ["external_refs"] = new JsonObject { ["ticket"] = "t-1" },
            ["worker_id"] = "fuzz-worker",
            ["queues"] = new JsonArray("dag-worker-tasks"),
            ["max_tasks"] = 1,
            ["wait_seconds"] = 0,
            ["handlers"] = null,
            ["task_id"] = PathValues["taskId"],
            ["job_id"] = jobId.ToString(),
            ["node_id"] = "echo_handler",
            ["output"] = new JsonObject { ["ok"] = true },
            ["platform_id"] = "fuzz-new",
            ["display_name"] = "Fuzz",
            ["required_refs"] = new JsonArray("dataset_id"),
            ["workflows"] = new JsonObject { ["raster"] = "echo_test" },
            ["callback_url"] = null,
            ["signing_secret"] = null,
            ["kind"] = "raster",
            ["refs"] = new JsonObject { ["dataset_id"] = "d1", ["resource_id"] = "r1" },
            ["request_id"] = "fuzz-req-2",
            ["version_label"] = "v2",
            ["reason"] = "fuzz",
            ["from_node"] = "echo_handler",
            ["revision"] = 1,
            ["clearance"] = "ouo",
            ["name"] = "fuzz",
            ["duration_ms"] = 5,
            ["status"] = "running",
            ["phase"] = "p1",
            ["state"] = new JsonObject { ["step"] = 1 },
        })
        {
            BodyValues[name] = value;
        }

        Browser = Host.CreateClient();
        Browser.DefaultRequestHeaders.Remove("X-Api-Key");
        var login = await (await Browser.GetAsync("/ui/login", Ct)).Content.ReadAsStringAsync(Ct);
        (await Browser.PostAsync("/ui/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = UiUser,
            ["password"] = UiPassword,
            ["__RequestVerificationToken"] = TokenIn(login),
        }), Ct)).EnsureSuccessStatusCode();
        AntiforgeryToken = TokenIn(await (await Browser.GetAsync($"/ui/jobs/{jobId}", Ct)).Content.ReadAsStringAsync(Ct));
    }

    private static string TokenIn(string page) => Token().Match(page) is { Success: true } match
        ? match.Groups[1].Value
        : throw new InvalidOperationException("no anti-forgery token on the page");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

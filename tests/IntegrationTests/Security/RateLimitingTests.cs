using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using DagMaster.IntegrationTests.Infrastructure;
using DagMaster.WebUi.Security;
using Microsoft.AspNetCore.Identity;

namespace DagMaster.IntegrationTests.Security;

/// <summary>Token buckets per credential, the login throttle, and unknown keys that cost no query when repeated.</summary>
public sealed partial class RateLimitingTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnyCall_WhenAPlatformKeyEmptiedItsBucket_Returns429WithRetryAfterAndOtherCredentialsGoOn()
    {
        await using var host = new AdditionalHost(App, settings: new Dictionary<string, string>
        {
            ["RATE_LIMIT_PLATFORM_PER_SECOND"] = "0.01",
            ["RATE_LIMIT_PLATFORM_BURST"] = "3",
        });
        var b2b = new B2BApi(App, Client);
        await b2b.CreatePlatformAsync("ratehub");
        var first = await KeyAsync(host, "ratehub");
        var second = await KeyAsync(host, "ratehub");

        for (var i = 0; i < 3; i++)
        {
            (await first.GetAsync("/api/v1/jobs", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, $"call {i + 1} of the burst");
        }

        var refused = await first.GetAsync("/api/v1/jobs", Ct);
        var problem = await refused.ReadProblemAsync(429);
        problem.GetProperty("type").GetString().ShouldBe("https://dagmaster.dev/problems/rate-limited");
        refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 100);
        (await second.GetAsync("/api/v1/jobs", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, "another key has its own bucket");
        var admin = host.CreateClient();
        for (var i = 0; i < 50; i++)
        {
            (await admin.GetAsync("/api/v1/jobs", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, "operators are not limited by default");
        }
    }

    [Fact]
    public async Task Login_WhenANameOrAnAddressUsedItsAttempts_Returns429BeforeCheckingThePassword()
    {
        await using var host = new AdditionalHost(App, settings: new Dictionary<string, string>
        {
            ["AdminUi:LoginAttemptsPerMinute"] = "4",
            ["AdminUi:LoginAttemptsPerMinutePerName"] = "2",
            ["AdminUi:Users:0:Name"] = "alice",
            ["AdminUi:Users:0:Role"] = "operator",
            ["AdminUi:Users:0:PasswordHash"] = new PasswordHasher<AdminUiUser>().HashPassword(new AdminUiUser(), "right-password"),
        });
        var browser = host.CreateClient();
        browser.DefaultRequestHeaders.Remove("X-Api-Key");

        (await LoginAsync(browser, "alice", "wrong")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await LoginAsync(browser, "alice", "wrong")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var byName = await LoginAsync(browser, "ALICE", "right-password");
        byName.StatusCode.ShouldBe((HttpStatusCode)429, "the name had two attempts, whatever its case");
        byName.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeGreaterThanOrEqualTo(1);
        (await byName.Content.ReadAsStringAsync(Ct)).ShouldContain("Too many sign-in attempts");
        (await LoginAsync(browser, "bob", "wrong")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "another name, the address's fourth attempt");
        (await LoginAsync(browser, "carol", "wrong")).StatusCode.ShouldBe((HttpStatusCode)429, "the address had four attempts");
    }

    [Fact]
    public async Task AnyCall_WhenTheSameUnknownKeyComesAgain_LooksItUpOnceAndAnswers401EachTime()
    {
        var lookups = new ConcurrentQueue<string>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "DagMaster" && instrument.Name == "dagmaster.auth.api_key_lookups")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((_, _, tags, _) => lookups.Enqueue((string)tags.ToArray().Single(t => t.Key == "result").Value!));
        meters.Start();
        var stranger = App.CreateClient();
        stranger.DefaultRequestHeaders.Remove("X-Api-Key");
        stranger.DefaultRequestHeaders.Add("X-Api-Key", $"dm_nobody_{Guid.NewGuid():N}");

        for (var i = 0; i < 20; i++)
        {
            (await stranger.GetAsync("/api/v1/jobs", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        lookups.ShouldBe(["unknown"]);
    }

    private static async Task<HttpClient> KeyAsync(AdditionalHost host, string platformId)
    {
        var created = await (await host.CreateClient().PostAsJsonAsync($"/api/v1/platforms/{platformId}/keys", new { name = "k" }, Ct)).ReadJsonAsync(201);
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        client.DefaultRequestHeaders.Add("X-Api-Key", created.GetProperty("key").GetString());
        return client;
    }

    private static async Task<HttpResponseMessage> LoginAsync(HttpClient browser, string name, string password)
    {
        var page = await (await browser.GetAsync("/ui/login", Ct)).Content.ReadAsStringAsync(Ct);
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        return await browser.PostAsync("/ui/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = name,
            ["password"] = password,
            ["__RequestVerificationToken"] = token,
        }), Ct);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

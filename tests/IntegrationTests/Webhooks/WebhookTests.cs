using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DagMaster.Application.Platforms.Common;
using DagMaster.IntegrationTests.Infrastructure;

namespace DagMaster.IntegrationTests.Webhooks;

/// <summary>Signed callbacks on terminal job states and approval changes, delivered by Hangfire with retries.</summary>
public sealed class WebhookTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task JobCompleted_WhenReceiverFailsTwice_ThirdSignedAttemptSucceedsAndAttemptsAreCounted()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500, 500);
        var b2b = new B2BApi(App, Client);
        var secret = await b2b.CreatePlatformAsync("hooked", receiver.Url.ToString());
        await using var worker = await InProcessWorker.StartAsync(App);

        var accepted = await B2BApi.SubmitOkAsync(Client, "hooked", "w1", "hello", "V1");
        await Poll.UntilAsync(() => Task.FromResult(receiver.Requests.Count), n => n >= 3, "three callback attempts", 30);

        var attempts = receiver.Requests.ToList();
        attempts.Select(a => a.AnsweredWith).ShouldBe([500, 500, 200]);
        attempts.Select(a => a.DeliveryId).Distinct().Count().ShouldBe(1, "every attempt is the same delivery");
        var last = attempts[^1];
        var body = Encoding.UTF8.GetBytes(last.Body);
        last.Signature.ShouldNotBeNull().ShouldMatch("^t=[0-9]+,v1=[0-9a-f]{64}$");
        WebhookSignature.Verify(secret, last.Signature, body, DateTimeOffset.UtcNow, WebhookSignature.DefaultTolerance).ShouldBeTrue();
        var t = long.Parse(last.Signature.Split(',')[0][2..], System.Globalization.CultureInfo.InvariantCulture);
        last.Signature.ShouldBe($"t={t},v1={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{last.Body}")))}");
        WebhookSignature.Verify(secret, last.Signature, body, DateTimeOffset.UtcNow.AddMinutes(6), WebhookSignature.DefaultTolerance)
            .ShouldBeFalse("a recorded callback replayed six minutes later is refused");
        last.Event.ShouldBe("job.completed");
        var json = JsonDocument.Parse(last.Body).RootElement;
        json.GetProperty("event").GetString().ShouldBe("job.completed");
        json.GetProperty("request_id").GetString().ShouldBe("w1");
        json.GetProperty("status").GetString().ShouldBe("completed");
        json.GetProperty("asset_id").GetString().ShouldBe(accepted.GetProperty("asset_id").GetString());
        json.GetProperty("version_ordinal").GetInt32().ShouldBe(0);
        json.GetProperty("revision").GetInt32().ShouldBe(1);
        json.GetProperty("artifacts").GetProperty("cog_url").GetString().ShouldBe("https://blobs.example/hello.tif");
        var delivery = await Poll.UntilAsync(
            async () => (await (await Client.GetAsync("/api/v1/platforms/hooked/webhooks", Ct)).ReadJsonAsync(200))[0],
            d => d.GetProperty("status").GetString() == "delivered",
            "the delivery to be recorded as delivered");
        delivery.GetProperty("attempts").GetInt32().ShouldBe(3);
        delivery.GetProperty("last_status_code").GetInt32().ShouldBe(200);
        delivery.GetProperty("delivery_id").GetGuid().ToString().ShouldBe(last.DeliveryId);
    }

    [Fact]
    public async Task ApproveVersion_WhenPlatformHasCallback_SendsVersionApproved()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var b2b = new B2BApi(App, Client);
        await b2b.CreatePlatformAsync("approvals", receiver.Url.ToString());
        await using var worker = await InProcessWorker.StartAsync(App);
        var accepted = await B2BApi.SubmitOkAsync(Client, "approvals", "a1", "x", "V1");
        await B2BApi.WaitForStatusAsync(Client, "approvals", "a1", "completed");

        (await Client.PostAsync($"/api/v1/assets/{accepted.GetProperty("asset_id").GetString()}/versions/0/approve", null, Ct)).EnsureSuccessStatusCode();

        await Poll.UntilAsync(() => Task.FromResult(receiver.Requests.Count), n => n >= 2, "the approval callback", 30);
        var events = receiver.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        events.Select(e => e.GetProperty("event").GetString()).ShouldBe(["job.completed", "version.approved"], ignoreOrder: true);
        events.Single(e => e.GetProperty("event").GetString() == "version.approved").GetProperty("approval_state").GetString().ShouldBe("approved");
    }

    [Fact]
    public async Task JobFailed_WhenPlatformJobCancelled_SendsJobCancelledWithoutArtifacts()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var b2b = new B2BApi(App, Client);
        await b2b.CreatePlatformAsync("cancels", receiver.Url.ToString());
        var accepted = await B2BApi.SubmitOkAsync(Client, "cancels", "x1", "x", "V1");

        await Client.PostAsJsonAsync($"/api/v1/jobs/{accepted.GetProperty("job_id").GetGuid()}/cancel", new { reason = "test" }, Ct);

        await Poll.UntilAsync(() => Task.FromResult(receiver.Requests.Count), n => n >= 1, "the cancellation callback", 30);
        var body = JsonDocument.Parse(receiver.Requests.Single().Body).RootElement;
        body.GetProperty("event").GetString().ShouldBe("job.cancelled");
        body.GetProperty("artifacts").ValueKind.ShouldBe(JsonValueKind.Null);
        body.GetProperty("error").GetString()!.ShouldContain("test");
    }

    [Fact]
    public async Task JobCancelled_WhenAnotherHostOfTheProcessHasStopped_StillSendsTheCallback()
    {
        // Hangfire's log provider is process-wide: it used to be the stopped host's logger factory, and creating the
        // callback's Hangfire job then threw on it, so no callback was enqueued.
        await using (var other = new AdditionalHost(App))
        {
            (await other.CreateClient().GetAsync("/livez", Ct)).EnsureSuccessStatusCode();
        }

        await using var receiver = await WebhookReceiver.StartAsync();
        await new B2BApi(App, Client).CreatePlatformAsync("afterstop", receiver.Url.ToString());
        var accepted = await B2BApi.SubmitOkAsync(Client, "afterstop", "s1", "x", "V1");
        await Client.PostAsJsonAsync($"/api/v1/jobs/{accepted.GetProperty("job_id").GetGuid()}/cancel", new { reason = "stop" }, Ct);

        await Poll.UntilAsync(() => Task.FromResult(receiver.Requests.Count), n => n >= 1, "the cancellation callback", 30);
        receiver.Requests.Single().Event.ShouldBe("job.cancelled");
    }
}

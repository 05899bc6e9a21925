using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DagMaster.Application.Platforms.Common;
using DagMaster.Client;
using DagMaster.IntegrationTests.Infrastructure;

namespace DagMaster.IntegrationTests.Webhooks;

/// <summary>
/// Signed callbacks on terminal job states and approval changes, delivered by Hangfire with retries. The platform's
/// calls go through the generated client, and callback bodies are read as its <see cref="WebhookPayload"/>.
/// </summary>
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
        var payload = JsonSerializer.Deserialize<WebhookPayload>(last.Body).ShouldNotBeNull();
        payload.Event.ShouldBe("job.completed");
        payload.RequestId.ShouldBe("w1");
        payload.Status.ShouldBe("completed");
        payload.AssetId.ShouldBe(accepted.AssetId);
        payload.VersionOrdinal.ShouldBe(0);
        payload.Revision.ShouldBe(1);
        ((JsonElement)payload.Artifacts!).GetProperty("cog_url").GetString().ShouldBe("https://blobs.example/hello.tif");
        var delivery = await Poll.UntilAsync(
            async () => (await B2BApi.Api(Client).ListWebhookDeliveriesAsync("hooked", cancellationToken: Ct)).First(),
            d => d.Status == "delivered",
            "the delivery to be recorded as delivered");
        delivery.Attempts.ShouldBe(3);
        delivery.LastStatusCode.ShouldBe(200);
        delivery.DeliveryId.ToString().ShouldBe(last.DeliveryId);
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

        (await B2BApi.Api(Client).ApproveVersionAsync(accepted.AssetId!, 0, Ct)).ApprovalState.ShouldBe("approved");

        await Poll.UntilAsync(() => Task.FromResult(receiver.Requests.Count), n => n >= 2, "the approval callback", 30);
        var events = receiver.Requests.Select(r => JsonSerializer.Deserialize<WebhookPayload>(r.Body).ShouldNotBeNull()).ToList();
        events.Select(e => e.Event).ShouldBe(["job.completed", "version.approved"], ignoreOrder: true);
        events.Single(e => e.Event == "version.approved").ApprovalState.ShouldBe("approved");
    }

    [Fact]
    public async Task JobFailed_WhenPlatformJobCancelled_SendsJobCancelledWithoutArtifacts()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var b2b = new B2BApi(App, Client);
        await b2b.CreatePlatformAsync("cancels", receiver.Url.ToString());
        var accepted = await B2BApi.SubmitOkAsync(Client, "cancels", "x1", "x", "V1");

        (await B2BApi.Api(Client).CancelJobAsync(accepted.JobId.ShouldNotBeNull(), new CancelJobRequest { Reason = "test" }, Ct))
            .Status.ShouldBe("cancelled");

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
        await Client.PostAsJsonAsync($"/api/v1/jobs/{accepted.JobId}/cancel", new { reason = "stop" }, Ct);

        await Poll.UntilAsync(() => Task.FromResult(receiver.Requests.Count), n => n >= 1, "the cancellation callback", 30);
        receiver.Requests.Single().Event.ShouldBe("job.cancelled");
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using DagMaster.Application.Platforms.Common;
using DagMaster.Infrastructure.Platforms.Webhooks;
using DagMaster.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Options;

namespace DagMaster.IntegrationTests.Webhooks;

/// <summary>Callbacks go over https to public addresses only, fail without internal detail, and their secret can be rotated.</summary>
public sealed class WebhookSecurityTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Platform(string id, string callbackUrl) => new
    {
        platform_id = id,
        display_name = id,
        required_refs = new[] { "dataset_id" },
        workflows = new Dictionary<string, string> { ["raster"] = "echo_test" },
        callback_url = callbackUrl,
    };

    [Theory]
    [InlineData("http://93.184.216.34/hook", "must use https")]
    [InlineData("https://127.0.0.1/hook", "is not a public address")]
    [InlineData("https://localhost:8443/hook", "is not a public address")]
    [InlineData("https://169.254.169.254/latest/meta-data/", "is not a public address")]
    [InlineData("https://10.1.2.3/hook", "is not a public address")]
    [InlineData("https://172.20.0.1/hook", "is not a public address")]
    [InlineData("https://192.168.1.10/hook", "is not a public address")]
    [InlineData("https://[::1]/hook", "is not a public address")]
    [InlineData("https://[fd00::1]/hook", "is not a public address")]
    [InlineData("https://[::ffff:10.0.0.1]/hook", "is not a public address")]
    [InlineData("https://100.64.0.1/hook", "is not a public address")]
    public async Task CreatePlatform_WhenCallbackIsNotHttpsToAPublicAddress_Returns422(string callbackUrl, string expected)
    {
        await using var strict = new AdditionalHost(App, settings: new Dictionary<string, string> { ["WEBHOOK_ALLOW_PRIVATE_NETWORKS"] = "false" });

        var problem = await (await strict.CreateClient().PostAsJsonAsync("/api/v1/platforms", Platform("strict", callbackUrl), Ct)).ReadProblemAsync(422);

        problem.GetProperty("errors").GetProperty("callback_url")[0].GetString()!.ShouldContain(expected);
    }

    [Fact]
    public async Task CreatePlatform_WhenCallbackIsHttpsToAPublicAddress_Registers()
    {
        await using var strict = new AdditionalHost(App, settings: new Dictionary<string, string> { ["WEBHOOK_ALLOW_PRIVATE_NETWORKS"] = "false" });

        var created = await (await strict.CreateClient().PostAsJsonAsync("/api/v1/platforms", Platform("public", "https://93.184.216.34/hook"), Ct)).ReadJsonAsync(201);

        created.GetProperty("platform").GetProperty("callback_url").GetString().ShouldBe("https://93.184.216.34/hook");
    }

    [Fact]
    public async Task Send_WhenTheHostResolvesToLoopbackAndPrivateNetworksAreNotAllowed_NeverConnects()
    {
        // Registered while allowed (or resolving elsewhere then): the address is checked again at connect time.
        await using var receiver = await WebhookReceiver.StartAsync();
        using var sender = new HmacWebhookSender(Options.Create(new WebhookOptions { AllowPrivateNetworks = false }), TimeProvider.System);

        var (status, error) = await sender.SendAsync(
            new Uri($"http://localhost:{receiver.Url.Port}/callback"), "secret-secret-secret", Guid.NewGuid(), "job.completed", "{}", Ct);

        status.ShouldBeNull();
        error.ShouldBe("address not allowed (not a public address)");
        receiver.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Deliveries_WhenTheReceiverRefusesConnections_RecordConnectionRefusedWithoutTheAddress()
    {
        var port = FreePort.Next(); // nothing listens there
        await new B2BApi(App, Client).CreatePlatformAsync("refusing", $"http://127.0.0.1:{port}/callback");
        var accepted = await B2BApi.SubmitOkAsync(Client, "refusing", "r1", "x", "V1");
        await Client.PostAsJsonAsync($"/api/v1/jobs/{accepted.JobId}/cancel", new { reason = "stop" }, Ct);

        var delivery = await Poll.UntilAsync(
            async () => await (await Client.GetAsync("/api/v1/platforms/refusing/webhooks", Ct)).ReadJsonAsync(200),
            d => d.GetArrayLength() > 0 && d[0].GetProperty("attempts").GetInt32() >= 1,
            "a failed callback attempt",
            30);

        delivery[0].GetProperty("last_error").GetString().ShouldBe("connection refused");
    }

    [Fact]
    public async Task RotateSigningSecret_WhenCalled_ShowsTheNewSecretOnceAndLaterCallbacksAreSignedWithIt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var old = await new B2BApi(App, Client).CreatePlatformAsync("rotating", receiver.Url.ToString());

        var rotated = await (await Client.PostAsync("/api/v1/platforms/rotating/signing-secret/rotate", null, Ct)).ReadJsonAsync(200);
        var secret = rotated.GetProperty("signing_secret").GetString()!;
        secret.ShouldNotBe(old);
        secret.Length.ShouldBeGreaterThanOrEqualTo(40);
        (await (await Client.GetAsync("/api/v1/platforms/rotating", Ct)).Content.ReadAsStringAsync(Ct)).ShouldNotContain(secret);

        var accepted = await B2BApi.SubmitOkAsync(Client, "rotating", "q1", "x", "V1");
        await Client.PostAsJsonAsync($"/api/v1/jobs/{accepted.JobId}/cancel", new { reason = "stop" }, Ct);
        await Poll.UntilAsync(() => Task.FromResult(receiver.Requests.Count), n => n >= 1, "the callback", 30);
        var callback = receiver.Requests.Single();
        var body = Encoding.UTF8.GetBytes(callback.Body);
        WebhookSignature.Verify(secret, callback.Signature, body, DateTimeOffset.UtcNow, WebhookSignature.DefaultTolerance).ShouldBeTrue();
        WebhookSignature.Verify(old, callback.Signature, body, DateTimeOffset.UtcNow, WebhookSignature.DefaultTolerance).ShouldBeFalse();
    }

    [Fact]
    public async Task RotateSigningSecret_WhenCalledWithAPlatformKey_Returns403()
    {
        await new B2BApi(App, Client).CreatePlatformAsync("selfrotate");
        var (platform, _) = await new B2BApi(App, Client).KeyClientAsync("selfrotate");

        (await platform.PostAsync("/api/v1/platforms/selfrotate/signing-secret/rotate", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

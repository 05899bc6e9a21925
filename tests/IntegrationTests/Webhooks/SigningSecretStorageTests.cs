using System.Net.Http.Json;
using System.Text;
using DagMaster.Application.Platforms.Common;
using DagMaster.IntegrationTests.Infrastructure;
using Npgsql;

namespace DagMaster.IntegrationTests.Webhooks;

/// <summary>Signing secrets are stored encrypted with the shared key ring, and callbacks are still signed with them.</summary>
public sealed class SigningSecretStorageTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreatePlatform_WhenGivenASecret_StoresItEncryptedAndSignsCallbacksWithIt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var secret = await new B2BApi(App, Client).CreatePlatformAsync("sealed", receiver.Url.ToString());

        var stored = await StoredSecretAsync("sealed");
        stored.ShouldStartWith("dp1:");
        stored.ShouldNotContain(secret);

        await CancelAJobAndVerifyItsCallbackAsync(receiver, "sealed", secret);
    }

    [Fact]
    public async Task HostStart_WhenASecretIsStoredInClear_EncryptsItAndCallbacksAreStillSignedWithIt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await new B2BApi(App, Client).CreatePlatformAsync("legacy", receiver.Url.ToString());
        const string legacySecret = "stored-in-clear-by-an-older-version";
        await ExecuteAsync("UPDATE dagmaster.platforms SET signing_secret = @secret WHERE platform_id = 'legacy'", legacySecret);

        // A host that starts (as after an upgrade) encrypts what an older version stored in clear.
        await using (new AdditionalHost(App))
        {
            var stored = await Poll.UntilAsync(() => StoredSecretAsync("legacy"), s => s.StartsWith("dp1:", StringComparison.Ordinal), "the secret to be encrypted");
            stored.ShouldNotContain(legacySecret);
        }

        await CancelAJobAndVerifyItsCallbackAsync(receiver, "legacy", legacySecret);
    }

    private async Task CancelAJobAndVerifyItsCallbackAsync(WebhookReceiver receiver, string platformId, string secret)
    {
        var accepted = await B2BApi.SubmitOkAsync(Client, platformId, "q1", "x", "V1");
        await Client.PostAsJsonAsync($"/api/v1/jobs/{accepted.JobId}/cancel", new { reason = "stop" }, Ct);
        await Poll.UntilAsync(() => Task.FromResult(receiver.Requests.Count), n => n >= 1, "the callback", 30);
        var callback = receiver.Requests.Single();
        WebhookSignature.Verify(secret, callback.Signature, Encoding.UTF8.GetBytes(callback.Body), DateTimeOffset.UtcNow, WebhookSignature.DefaultTolerance)
            .ShouldBeTrue();
    }

    private async Task<string> StoredSecretAsync(string platformId)
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT signing_secret FROM dagmaster.platforms WHERE platform_id = @id", connection);
        command.Parameters.AddWithValue("id", platformId);
        return (string)(await command.ExecuteScalarAsync(Ct))!;
    }

    private async Task ExecuteAsync(string sql, string secret)
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("secret", secret);
        await command.ExecuteNonQueryAsync(Ct);
    }
}

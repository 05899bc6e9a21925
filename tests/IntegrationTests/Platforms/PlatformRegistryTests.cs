using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using DagMaster.Application.Platforms.SeedPlatforms;
using DagMaster.Infrastructure.Platforms;
using DagMaster.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DagMaster.IntegrationTests.Platforms;

public sealed class PlatformRegistryTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreatePlatform_WhenRegisteredAsDataOnly_AcceptsSubmissionsAndRunsThem()
    {
        var b2b = new B2BApi(App, Client);
        await b2b.CreatePlatformAsync("newhub", requiredRefs: ["item_uuid"], versionRef: "release");
        var (platform, _) = await b2b.KeyClientAsync("newhub");
        await using var worker = await InProcessWorker.StartAsync(App);

        var accepted = await (await B2BApi.SubmitAsync(platform, "newhub", new
        {
            request_id = "nh-1",
            kind = "raster",
            refs = new Dictionary<string, string> { ["item_uuid"] = "u-42", ["release"] = "2025-Q1" },
            inputs = new { message = "hello" },
        })).ReadJsonAsync(202);

        accepted.GetProperty("status").GetString().ShouldBe("accepted");
        accepted.GetProperty("version_ordinal").GetInt32().ShouldBe(0);
        accepted.GetProperty("revision").GetInt32().ShouldBe(1);
        var done = await B2BApi.WaitForStatusAsync(platform, "newhub", "nh-1", "completed");
        done.VersionLabel.ShouldBe("2025-Q1");
        ((System.Text.Json.JsonElement)done.Artifacts!).GetProperty("stac_item_id").GetString().ShouldBe("item-hello");
        done.ProgressPercent.ShouldBe(100);
        (await (await platform.GetAsync("/api/v1/platforms/newhub/requests/nh-1", Ct)).ReadJsonAsync(200))
            .TryGetProperty("job_id", out _).ShouldBeFalse("the B2B view shows no internals");
    }

    [Fact]
    public async Task SeedPlatforms_WhenConfigured_CreatesDdhArcgisGeonodeOnceAndKeepsEdits()
    {
        var seeds = App.Services.GetRequiredService<IOptions<PlatformSeedOptions>>().Value.ToSeeds();

        (await App.SendAsync(new SeedPlatformsCommand(seeds))).ShouldBe(["ddh", "arcgis", "geonode"]);
        await Client.PostAsync("/api/v1/platforms/arcgis/deactivate", null, Ct);
        (await App.SendAsync(new SeedPlatformsCommand(seeds))).ShouldBeEmpty();

        var platforms = await (await Client.GetAsync("/api/v1/platforms", Ct)).ReadJsonAsync(200);
        var byId = platforms.EnumerateArray().ToDictionary(p => p.GetProperty("platform_id").GetString()!);
        byId.Keys.ShouldBe(["arcgis", "ddh", "geonode"]);
        byId["ddh"].GetProperty("required_refs").EnumerateArray().Select(r => r.GetString()).ShouldBe(["dataset_id", "resource_id"]);
        byId["ddh"].GetProperty("version_ref").GetString().ShouldBe("version_id");
        byId["ddh"].GetProperty("workflows").GetProperty("raster").GetString().ShouldBe("raster_ingest");
        byId["arcgis"].GetProperty("is_active").GetBoolean().ShouldBeFalse("a second start does not undo an operator's change");
    }

    [Fact]
    public async Task CreateApiKey_WhenIssued_IsShownOnceAndStoredOnlyAsHash()
    {
        var b2b = new B2BApi(App, Client);
        await b2b.CreatePlatformAsync("hashhub");

        var created = await (await Client.PostAsJsonAsync("/api/v1/platforms/hashhub/keys", new { name = "ci" }, Ct)).ReadJsonAsync(201);
        var key = created.GetProperty("key").GetString()!;

        var platform = await (await Client.GetAsync("/api/v1/platforms/hashhub", Ct)).ReadJsonAsync(200);
        var listed = platform.GetProperty("api_keys").EnumerateArray().Single();
        listed.TryGetProperty("key", out _).ShouldBeFalse();
        key.ShouldStartWith(listed.GetProperty("prefix").GetString()!);
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT key_hash FROM dagmaster.platform_api_keys", connection);
        var stored = (string)(await command.ExecuteScalarAsync(Ct))!;
        stored.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))));
        stored.ShouldNotContain(key);
    }

    [Fact]
    public async Task CreatePlatform_WhenFieldsInvalid_Returns422WithEveryFieldError()
    {
        var problem = await (await Client.PostAsJsonAsync("/api/v1/platforms", new
        {
            platform_id = "Bad Id",
            required_refs = Array.Empty<string>(),
            workflows = new Dictionary<string, string>(),
            callback_url = "ftp://nowhere",
        }, Ct)).ReadProblemAsync(422);

        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "platform_id", "display_name", "required_refs", "workflows", "callback_url" })
        {
            errors.TryGetProperty(field, out _).ShouldBeTrue(field);
        }

        (await Client.GetAsync("/api/v1/platforms/bad-id", Ct)).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SubmitAsset_WhenPlatformDeactivated_Returns409()
    {
        var b2b = new B2BApi(App, Client);
        await b2b.CreatePlatformAsync("sleepy");
        await Client.PostAsync("/api/v1/platforms/sleepy/deactivate", null, Ct);

        var problem = await (await B2BApi.SubmitAsync(Client, "sleepy", new
        {
            kind = "raster",
            refs = new { dataset_id = "d", resource_id = "r" },
            inputs = new { message = "m" },
        })).ReadProblemAsync(409);
        problem.GetProperty("detail").GetString()!.ShouldContain("not active");
    }
}

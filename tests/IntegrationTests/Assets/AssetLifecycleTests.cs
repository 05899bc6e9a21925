using System.Net.Http.Json;
using System.Text.Json;
using DagMaster.IntegrationTests.Infrastructure;

namespace DagMaster.IntegrationTests.Assets;

/// <summary>Identity, versions vs revisions, review, rollback, clearance and soft delete, end to end over HTTP.</summary>
public sealed class AssetLifecycleTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    private const string Platform = "hub";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private B2BApi B2B => new(App, Client);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await B2B.CreatePlatformAsync(Platform);
    }

    [Fact]
    public async Task SubmitAsset_WhenSameRefsSubmittedAgain_MapsToSameAssetAndLabelsDecideVersionOrRevision()
    {
        await using var worker = await InProcessWorker.StartAsync(App);

        var first = await B2BApi.SubmitOkAsync(Client, Platform, "r1", "a", "V1");
        await B2BApi.WaitForStatusAsync(Client, Platform, "r1", "completed");
        var again = await B2BApi.SubmitOkAsync(Client, Platform, "r2", "b", "V1");
        await B2BApi.WaitForStatusAsync(Client, Platform, "r2", "completed");
        await Client.PostAsync($"/api/v1/assets/{first.AssetId}/versions/0/approve", null, Ct);
        var next = await B2BApi.SubmitOkAsync(Client, Platform, "r3", "c", "V2");
        var other = await B2BApi.SubmitOkAsync(Client, Platform, "r4", "d", "V1", datasetId: "ds-2");

        again.AssetId.ShouldBe(first.AssetId);
        (again.VersionOrdinal, again.Revision).ShouldBe((0, 2));
        next.AssetId.ShouldBe(first.AssetId);
        (next.VersionOrdinal, next.Revision).ShouldBe((1, 1));
        other.AssetId.ShouldNotBe(first.AssetId);
        first.AssetId!.Length.ShouldBe(32);
    }

    [Fact]
    public async Task SubmitAsset_WhenFirstSubmissionsOfANewAssetRace_AnswersAcceptedOrConflictNeverAServerError()
    {
        // Twelve rounds of eight simultaneous first submissions of one new asset each: the losers of the race on
        // the asset's primary key must get a 409 that says to retry, never a 500.
        var statuses = new List<int>();
        for (var round = 0; round < 12; round++)
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => B2BApi.SubmitAsync(Client, Platform, new
            {
                request_id = $"race-{round}-{i}",
                kind = "raster",
                refs = new Dictionary<string, string> { ["dataset_id"] = $"race-{round}", ["resource_id"] = "res-1" },
                version_label = "V1",
                inputs = new { message = "race" },
            })));
            statuses.AddRange(answers.Select(a => (int)a.StatusCode));
            foreach (var conflict in answers.Where(a => (int)a.StatusCode == 409))
            {
                var problem = await conflict.Content.ReadFromJsonAsync<JsonElement>(Ct);
                if (problem.GetProperty("type").GetString()!.EndsWith("/concurrent-write", StringComparison.Ordinal))
                {
                    problem.GetProperty("detail").GetString()!.ShouldContain("Retry the request");
                }
            }
        }

        // 409s are either the rule "an earlier revision is still processing" or the lost race; never a 500.
        statuses.ShouldAllBe(s => s == 202 || s == 409);
        statuses.Count(s => s == 202).ShouldBeGreaterThanOrEqualTo(12);
    }

    [Fact]
    public async Task SubmitAsset_WhenRequestIdRepeated_AnswersTheFirstSubmission()
    {
        var first = await B2BApi.SubmitOkAsync(Client, Platform, "same", "a", "V1");
        var repeat = await B2BApi.SubmitOkAsync(Client, Platform, "same", "a", "V1");

        repeat.Revision.ShouldBe(first.Revision);
        (await B2B.AssetAsync(first.AssetId!)).Versions.ShouldNotBeNull().First().Revisions.ShouldNotBeNull().Count.ShouldBe(1);
    }

    [Fact]
    public async Task SubmitAsset_WhenEarlierVersionUnresolved_Returns409NamingItAndWritesNothing()
    {
        await B2BApi.SubmitOkAsync(Client, Platform, "v1", "a", "V1");

        var problem = await (await B2BApi.SubmitAsync(Client, Platform, new
        {
            request_id = "v2",
            kind = "raster",
            refs = new { dataset_id = "ds-1", resource_id = "res-1" },
            version_label = "V2",
            inputs = new { message = "b" },
        })).ReadProblemAsync(409);

        problem.GetProperty("detail").GetString()!.ShouldContain("version 0 ('V1')");
        (await Client.GetAsync($"/api/v1/platforms/{Platform}/requests/v2", Ct)).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        (await (await Client.GetAsync("/api/v1/jobs?correlation_id=v2", Ct)).ReadJsonAsync(200)).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task SubmitAsset_WhenRefsOrInputsInvalid_Returns422ListingEveryProblem()
    {
        var problem = await (await B2BApi.SubmitAsync(Client, Platform, new
        {
            kind = "raster",
            refs = new { dataset_id = "ds-1" },
            inputs = new { },
        })).ReadProblemAsync(422);

        var errors = problem.GetProperty("errors");
        errors.TryGetProperty("refs.resource_id", out _).ShouldBeTrue();
        errors.TryGetProperty("inputs.message", out _).ShouldBeTrue();
        var unknownKind = await (await B2BApi.SubmitAsync(Client, Platform, new { kind = "vector", refs = new { dataset_id = "d", resource_id = "r" } })).ReadProblemAsync(422);
        unknownKind.GetProperty("errors").GetProperty("kind")[0].GetString()!.ShouldContain("vector");
    }

    [Fact]
    public async Task ApproveVersion_WhenCurrentRevisionUnfinished_Returns409()
    {
        var accepted = await B2BApi.SubmitOkAsync(Client, Platform, "p1", "a", "V1");
        var assetId = accepted.AssetId;

        var problem = await (await Client.PostAsync($"/api/v1/assets/{assetId}/versions/0/approve", null, Ct)).ReadProblemAsync(409);

        problem.GetProperty("title").GetString().ShouldBe("OnlyCompletedRevisionCanBeApprovedRule");
        (await B2BApi.StatusAsync(Client, Platform, "p1")).ApprovalState.ShouldBe("pending_review");
    }

    [Fact]
    public async Task RollbackVersion_WhenEarlierRevisionCompleted_SwitchesArtifactsBack()
    {
        await using var worker = await InProcessWorker.StartAsync(App);
        var first = await B2BApi.SubmitOkAsync(Client, Platform, "rb1", "first", "V1");
        await B2BApi.WaitForStatusAsync(Client, Platform, "rb1", "completed");
        await B2BApi.SubmitOkAsync(Client, Platform, "rb2", "second", "V1");
        await B2BApi.WaitForStatusAsync(Client, Platform, "rb2", "completed");
        var assetId = first.AssetId!;
        Artifact(await B2B.AssetAsync(assetId)).ShouldBe("item-second");

        var version = await (await Client.PostAsJsonAsync($"/api/v1/assets/{assetId}/versions/0/rollback", new { revision = 1 }, Ct)).ReadJsonAsync(200);

        version.GetProperty("current_revision").GetInt32().ShouldBe(1);
        Artifact(await B2B.AssetAsync(assetId)).ShouldBe("item-first");
        (await B2BApi.StatusAsync(Client, Platform, "rb1")).IsCurrentRevision.ShouldBe(true);
        (await Client.PostAsJsonAsync($"/api/v1/assets/{assetId}/versions/0/rollback", new { revision = 1 }, Ct)).StatusCode
            .ShouldBe(System.Net.HttpStatusCode.Conflict);
        (await Client.PostAsJsonAsync($"/api/v1/assets/{assetId}/versions/0/rollback", new { revision = 9 }, Ct)).StatusCode
            .ShouldBe(System.Net.HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ReviewAndClearance_WhenApplied_FollowTheirStateMachines()
    {
        await using var worker = await InProcessWorker.StartAsync(App);
        var accepted = await B2BApi.SubmitOkAsync(Client, Platform, "c1", "a", "V1");
        await B2BApi.WaitForStatusAsync(Client, Platform, "c1", "completed");
        var assetId = accepted.AssetId;

        (await Client.PostAsJsonAsync($"/api/v1/assets/{assetId}/versions/0/reject", new { }, Ct)).StatusCode.ShouldBe(System.Net.HttpStatusCode.UnprocessableEntity);
        var approved = await (await Client.PostAsync($"/api/v1/assets/{assetId}/versions/0/approve", null, Ct)).ReadJsonAsync(200);
        approved.GetProperty("approval_state").GetString().ShouldBe("approved");
        approved.GetProperty("reviewed_by").GetString().ShouldBe("operator");
        (await Client.PostAsJsonAsync($"/api/v1/assets/{assetId}/versions/0/reject", new { reason = "late" }, Ct)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Conflict);
        (await (await Client.PostAsJsonAsync($"/api/v1/assets/{assetId}/clearance", new { clearance = "ouo" }, Ct)).ReadJsonAsync(200))
            .GetProperty("clearance").GetString().ShouldBe("ouo");
        (await Client.PostAsJsonAsync($"/api/v1/assets/{assetId}/clearance", new { clearance = "uncleared" }, Ct)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Conflict);
        (await Client.PostAsJsonAsync($"/api/v1/assets/{assetId}/clearance", new { clearance = "secret" }, Ct)).StatusCode.ShouldBe(System.Net.HttpStatusCode.UnprocessableEntity);
        var asset = await B2B.AssetAsync(assetId!);
        asset.LatestApprovedOrdinal.ShouldBe(0);
        asset.ClearedBy.ShouldBe("operator");
    }

    [Fact]
    public async Task DeleteAsset_WhenSubmittedAgain_Returns409AndStaysDeleted()
    {
        var accepted = await B2BApi.SubmitOkAsync(Client, Platform, "d1", "a", "V1");
        var assetId = accepted.AssetId;
        await Client.PostAsync($"/api/v1/jobs/{accepted.JobId}/cancel", null, Ct);
        await B2BApi.WaitForStatusAsync(Client, Platform, "d1", "cancelled");

        (await Client.DeleteAsync($"/api/v1/assets/{assetId}", Ct)).StatusCode.ShouldBe(System.Net.HttpStatusCode.NoContent);

        (await B2BApi.SubmitAsync(Client, Platform, new
        {
            request_id = "d2",
            kind = "raster",
            refs = new { dataset_id = "ds-1", resource_id = "res-1" },
            version_label = "V1",
            inputs = new { message = "b" },
        })).StatusCode.ShouldBe(System.Net.HttpStatusCode.Conflict);
        (await B2B.AssetAsync(assetId!)).IsDeleted.ShouldBe(true);
        (await (await Client.GetAsync("/api/v1/assets", Ct)).ReadJsonAsync(200)).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task ListJobs_WhenFilteredByB2BRef_FindsJobsWithoutTheRefBeingAKey()
    {
        var mine = await B2BApi.SubmitOkAsync(Client, Platform, "f1", "a", "V1", datasetId: "X-123");
        await B2BApi.SubmitOkAsync(Client, Platform, "f2", "a", "V1", datasetId: "Y-456");

        var jobs = await (await Client.GetAsync("/api/v1/jobs?ref.dataset_id=X-123", Ct)).ReadJsonAsync(200);
        var assets = await (await Client.GetAsync("/api/v1/assets?ref.dataset_id=X-123", Ct)).ReadJsonAsync(200);

        jobs.GetProperty("items").EnumerateArray().Select(j => j.GetProperty("job_id").GetGuid()).ShouldBe([mine.JobId.ShouldNotBeNull()]);
        assets.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("asset_id").GetString()).ShouldBe([mine.AssetId]);
    }

    private static string? Artifact(DagMaster.Client.AssetDto asset) =>
        ((JsonElement)asset.Versions.ShouldNotBeNull().First().Artifacts!).GetProperty("stac_item_id").GetString();
}

using DagMaster.Client;
using DagMaster.IntegrationTests.Infrastructure;

namespace DagMaster.IntegrationTests.Client;

/// <summary>
/// The generated client's hand-written parts against the real host over real HTTP: settings, Problem Details as
/// <see cref="DagMasterApiException"/>, keyset paging, cancellation.
/// </summary>
public sealed class DagMasterClientTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DagMasterClient Operator() =>
        new(new DagMasterClientOptions { BaseAddress = App.ServerAddress, ApiKey = TestHostSettings.AdminKey });

    [Fact]
    public async Task Options_WhenBaseAddressAndKeyGiven_SendTheKeyToThatHost()
    {
        await new B2BApi(App, Client).CreatePlatformAsync("optshub");
        using var admin = Operator();
        var key = await admin.CreateApiKeyAsync("optshub", new CreateApiKeyRequest { Name = "options" }, Ct);
        using var platform = new DagMasterClient(new DagMasterClientOptions { BaseAddress = App.ServerAddress, ApiKey = key.Key });

        var accepted = await platform.SubmitAssetAsync("optshub", new SubmissionRequest
        {
            RequestId = "opt-1",
            Kind = "raster",
            Refs = new Dictionary<string, string> { ["dataset_id"] = "ds-1", ["resource_id"] = "res-1" },
            Inputs = new Dictionary<string, string> { ["message"] = "m" },
        }, cancellationToken: Ct);
        var status = await platform.GetRequestStatusAsync("optshub", "opt-1", Ct);

        accepted.Status.ShouldBe("accepted");
        status.RequestId.ShouldBe("opt-1");
        status.AssetId.ShouldBe(accepted.AssetId);
        (await admin.GetJobAsync(accepted.JobId.ShouldNotBeNull(), Ct)).PlatformId.ShouldBe("optshub");
    }

    [Fact]
    public async Task SubmitAsset_WhenInvalid_ThrowsWithTheProblemAndEveryFieldError()
    {
        await new B2BApi(App, Client).CreatePlatformAsync("badhub");
        using var admin = Operator();

        var error = await Should.ThrowAsync<DagMasterApiException>(() => admin.SubmitAssetAsync("badhub", new SubmissionRequest
        {
            Kind = "raster",
            Refs = new Dictionary<string, string> { ["dataset_id"] = "ds-1" },
            Inputs = new Dictionary<string, string>(),
        }, cancellationToken: Ct));

        error.Status.ShouldBe(422);
        error.Type.ShouldBe("https://dagmaster.dev/problems/validation");
        error.Title.ShouldNotBeNullOrWhiteSpace();
        error.TraceId.ShouldNotBeNullOrWhiteSpace();
        error.Errors.Keys.ShouldContain("refs.resource_id");
        error.Errors.Keys.ShouldContain("inputs.message");
        error.Message.ShouldContain("refs.resource_id");
    }

    [Fact]
    public async Task GetRequestStatus_WhenKeyUnknownOrRequestMissing_ThrowsTheirStableTypes()
    {
        await new B2BApi(App, Client).CreatePlatformAsync("typehub");
        using var stranger = new DagMasterClient(new DagMasterClientOptions { BaseAddress = App.ServerAddress, ApiKey = "not-a-key" });
        using var admin = Operator();

        var unauthorized = await Should.ThrowAsync<DagMasterApiException>(() => stranger.GetRequestStatusAsync("typehub", "r", Ct));
        var missing = await Should.ThrowAsync<DagMasterApiException>(() => admin.GetRequestStatusAsync("typehub", "nope", Ct));

        (unauthorized.Status, unauthorized.Type).ShouldBe((401, "https://dagmaster.dev/problems/unauthorized"));
        (missing.Status, missing.Type).ShouldBe((404, "https://dagmaster.dev/problems/not-found"));
        missing.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task ListAllJobs_WhenMorePagesThanOne_FollowsTheCursorToTheEnd()
    {
        using var admin = Operator();
        var submitted = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var job = await admin.SubmitJobAsync(new SubmitJobRequest
            {
                WorkflowId = "hello_world",
                Inputs = new Dictionary<string, string>(),
            }, cancellationToken: Ct);
            submitted.Add(job.JobId.ShouldNotBeNull());
        }

        var pages = 0;
        var firstPage = await admin.ListJobsAsync(workflowId: "hello_world", limit: 2, cancellationToken: Ct);
        var listed = new List<Guid>();
        await foreach (var job in KeysetPaging.FollowAsync(
            async (cursor, ct) => { pages++; return await admin.ListJobsAsync(workflowId: "hello_world", limit: 2, cursor: cursor, cancellationToken: ct); },
            page => page.Items, page => page.NextCursor, Ct))
        {
            listed.Add(job.JobId.ShouldNotBeNull());
        }

        var viaHelper = await admin.ListAllJobsAsync(workflowId: "hello_world", pageSize: 2, cancellationToken: Ct)
            .Select(j => j.JobId.ShouldNotBeNull()).ToListAsync(Ct);

        firstPage.Items.ShouldNotBeNull().Count.ShouldBe(2);
        firstPage.NextCursor.ShouldNotBeNull();
        pages.ShouldBe(3);
        listed.ShouldBe(submitted, ignoreOrder: true);
        listed.Distinct().Count().ShouldBe(5);
        viaHelper.ShouldBe(listed);
    }

    [Fact]
    public async Task AnyCall_WhenTokenAlreadyCancelled_ThrowsOperationCanceled()
    {
        using var admin = Operator();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => admin.ListWorkflowsAsync(cancelled.Token));
    }
}

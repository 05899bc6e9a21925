using System.Net.Http.Json;
using DagMaster.Application.Jobs.PurgeEndedJobs;
using DagMaster.Infrastructure.Jobs.Retention;
using DagMaster.IntegrationTests.Infrastructure;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace DagMaster.IntegrationTests.Jobs;

/// <summary>Ended jobs past RETENTION_DAYS go, in batches, with their nodes and timeline; jobs of B2B requests and recent or running ones stay.</summary>
public sealed class RetentionTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PurgeEndedJobs_WhenJobsEndedLongAgo_DeletesThemInBatchesAndKeepsReferencedRecentAndRunningJobs()
    {
        var jobs = new JobsApi(Client);
        var old = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            old.Add(await jobs.SubmitOkAsync("echo_test", new { message = $"old {i}" }));
        }

        var recent = await jobs.SubmitOkAsync("echo_test", new { message = "recent" });
        var running = await jobs.SubmitOkAsync("echo_test", new { message = "running" });
        await new B2BApi(App, Client).CreatePlatformAsync("retained");
        var requested = (await B2BApi.SubmitOkAsync(Client, "retained", "keep-1", "x", "v1")).JobId.ShouldNotBeNull();
        foreach (var id in old.Append(recent).Append(requested))
        {
            await Client.PostAsJsonAsync($"/api/v1/jobs/{id}/cancel", new { reason = "ended" }, Ct);
        }

        await App.ExecuteSqlAsync($"""
            UPDATE dagmaster.jobs SET completed_at = now() - interval '40 days' WHERE id IN ({string.Join(",", old.Append(requested).Select(id => $"'{id}'"))});
            UPDATE dagmaster.jobs SET created_at = now() - interval '41 days' WHERE id = '{running}';
            """);

        var deleted = await App.SendAsync(new PurgeEndedJobsCommand(RetentionDays: 30, BatchSize: 2, MaxBatches: 10));

        deleted.ShouldBe(5);
        var left = (await Client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/jobs?limit=100", Ct)).GetProperty("items")
            .EnumerateArray().Select(j => j.GetProperty("job_id").GetGuid()).ToList();
        left.ShouldBe([recent, running, requested], ignoreOrder: true);
        (await App.ScalarAsync($"SELECT count(*) FROM dagmaster.job_nodes WHERE job_id IN ({string.Join(",", old.Select(id => $"'{id}'"))})")).ShouldBe(0);
        (await App.ScalarAsync($"SELECT count(*) FROM dagmaster.job_events WHERE job_id IN ({string.Join(",", old.Select(id => $"'{id}'"))})")).ShouldBe(0);
        (await B2BApi.StatusAsync(Client, "retained", "keep-1")).Status.ShouldBe("cancelled");
        var health = await (await Client.GetAsync("/api/v1/health", Ct)).ReadJsonAsync(200);
        var retention = health.GetProperty("checks").GetProperty("retention");
        retention.GetProperty("status").GetString().ShouldBe("ok");
        retention.GetProperty("detail").GetString()!.ShouldContain("deleted 5 job(s) that ended before");
    }

    [Fact]
    public async Task PurgeEndedJobs_WhenMoreJobsAreDueThanItsBatchesHold_StopsAfterMaxBatches()
    {
        var jobs = new JobsApi(Client);
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var id = await jobs.SubmitOkAsync("echo_test", new { message = $"old {i}" });
            await Client.PostAsJsonAsync($"/api/v1/jobs/{id}/cancel", new { reason = "ended" }, Ct);
            ids.Add(id);
        }

        await App.ExecuteSqlAsync("UPDATE dagmaster.jobs SET completed_at = now() - interval '40 days'");

        (await App.SendAsync(new PurgeEndedJobsCommand(30, BatchSize: 2, MaxBatches: 1))).ShouldBe(2);
        (await App.SendAsync(new PurgeEndedJobsCommand(30, BatchSize: 2, MaxBatches: 10))).ShouldBe(3);
    }

    [Fact]
    public async Task Host_WhenRetentionDaysIsSet_SchedulesTheRecurringRetentionJob()
    {
        await using var host = new AdditionalHost(App, settings: new Dictionary<string, string> { ["RETENTION_DAYS"] = "30" });
        try
        {
            await Poll.UntilAsync(
                () => App.ScalarAsync($"SELECT count(*) FROM hangfire.set WHERE key = 'recurring-jobs' AND value = '{RetentionJob.Id}'"),
                count => count == 1,
                "the recurring retention job to be scheduled");
        }
        finally
        {
            host.Services.GetRequiredService<IRecurringJobManager>().RemoveIfExists(RetentionJob.Id);
        }
    }
}

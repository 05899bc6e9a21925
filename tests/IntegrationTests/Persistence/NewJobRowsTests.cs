using DagMaster.Application.Abstractions;
using DagMaster.Domain.Jobs;
using DagMaster.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DagMaster.IntegrationTests.Persistence;

/// <summary>
/// A new job is written by the set-based writers, not by EF's change tracker: inserted once, whether at the commit
/// or earlier for a query of its unit of work, and what changes after an early write is written by the commit.
/// </summary>
public sealed class NewJobRowsTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    [Fact]
    public async Task NewJob_WrittenForAQueryBeforeTheCommit_IsStoredOnceWithWhatChangedAfterIt()
    {
        var cancellation = TestContext.Current.CancellationToken;
        Guid jobId;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var job = await EchoJobs.AddAsync(services, new JobSubmission(SubmittedBy: "tester"), "early", cancellation);
            var jobs = services.GetRequiredService<IJobRepository>();

            // The query writes what the unit of work holds so far, the new job and its nodes among it.
            (await jobs.ReadChildOutputsAsync(job, "no_fan_out", cancellation)).ShouldBeEmpty();
            job.Cancel("tester", "after the early write", TimeProvider.System);
            await services.GetRequiredService<IUnitOfWork>().CommitAsync(cancellation);
            jobId = job.Id.Value;
        }

        await using var reading = App.Services.CreateAsyncScope();
        var model = reading.ServiceProvider.GetRequiredService<IReadModel>();
        var stored = await model.Jobs.Where(j => j.Id == new JobId(jobId)).ToListAsync(cancellation);
        stored.Count.ShouldBe(1);
        stored[0].Status.ShouldBe(JobStatus.Cancelled);
        stored[0].Error.ShouldBe("cancelled by tester: after the early write");
        var nodes = await model.JobNodes.Where(n => n.JobId == new JobId(jobId)).Select(n => n.Status).ToListAsync(cancellation);
        nodes.Count.ShouldBe(3);
        nodes.ShouldAllBe(status => status == NodeStatus.Cancelled);
        var events = await model.JobEvents.Where(e => e.JobId == new JobId(jobId)).Select(e => e.Type).ToListAsync(cancellation);
        events.ShouldContain(JobEventTypes.JobCreated);
        events.ShouldContain(JobEventTypes.JobCancelled);
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using DagMaster.Application.Abstractions;
using DagMaster.Application.Common.Exceptions;
using DagMaster.Domain.Jobs;
using DagMaster.Domain.Platforms;
using DagMaster.Infrastructure.Persistence;
using DagMaster.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace DagMaster.IntegrationTests.Persistence;

/// <summary>
/// A unit of work whose rows are all written by the set-based writers ends its write batch with the commit (one
/// round trip, ADR-0124); one with changes for EF's SaveChanges commits after them; a failing statement of the batch
/// leaves nothing behind.
/// </summary>
public sealed class CommitInWriteBatchTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    [Fact]
    public async Task NewJob_IsCommittedByItsWriteBatch_WithoutASeparateCommit()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var commits = new EfCommits();
        await using var scope = App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var job = await EchoJobs.AddAsync(services, new JobSubmission(SubmittedBy: "tester"), "commit", cancellation);

        await services.GetRequiredService<IUnitOfWork>().CommitAsync(cancellation);

        commits.Of(services.GetRequiredService<DagMasterDbContext>()).ShouldBe(0);
        var stored = await StoredAsync(job.Id, cancellation);
        stored.Job.ShouldBe(1);
        stored.Nodes.ShouldBe(3);
    }

    [Fact]
    public async Task NewJobWithATrackedChange_IsCommittedAfterSaveChanges()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var commits = new EfCommits();
        await using var scope = App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var job = await EchoJobs.AddAsync(services, new JobSubmission(SubmittedBy: "tester"), "commit", cancellation);
        var context = services.GetRequiredService<DagMasterDbContext>();
        var platformId = $"commit-{Guid.NewGuid():N}";
        context.Add(Platform.Create(platformId, new PlatformSettings("Commit test", null, [], [], null,
            new Dictionary<string, string>(), null), "protected", TimeProvider.System));

        await services.GetRequiredService<IUnitOfWork>().CommitAsync(cancellation);

        commits.Of(context).ShouldBe(1);
        (await StoredAsync(job.Id, cancellation)).Job.ShouldBe(1);
        await using var reading = App.Services.CreateAsyncScope();
        (await reading.ServiceProvider.GetRequiredService<IReadModel>().Platforms.CountAsync(p => p.Id == platformId, cancellation)).ShouldBe(1);
    }

    [Fact]
    public async Task WriteBatch_WhoseStatementFails_StoresNothingOfItsUnitOfWork()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var key = $"commit-{Guid.NewGuid():N}";
        var first = new JobSubmission(IdempotencyScope: "commit-tests", IdempotencyKey: key, SubmittedBy: "tester");
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await EchoJobs.AddAsync(scope.ServiceProvider, first, "commit", cancellation);
            await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(cancellation);
        }

        Job second;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            // The same key again: the job row's insert, first in the batch, breaks the unique index; nothing after it runs.
            second = await EchoJobs.AddAsync(scope.ServiceProvider, first, "commit", cancellation);
            await Should.ThrowAsync<ConcurrentWriteException>(() => scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(cancellation));
            scope.ServiceProvider.GetRequiredService<DagMasterDbContext>().Database.CurrentTransaction.ShouldBeNull();
        }

        (await StoredAsync(second.Id, cancellation)).ShouldBe((0, 0, 0));
        await using (var scope = App.Services.CreateAsyncScope())
        {
            // The connection went back to the pool outside any transaction: the next unit of work commits.
            var third = await EchoJobs.AddAsync(scope.ServiceProvider, new JobSubmission(SubmittedBy: "tester"), "commit", cancellation);
            await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(cancellation);
            (await StoredAsync(third.Id, cancellation)).Job.ShouldBe(1);
        }
    }

    private async Task<(int Job, int Nodes, int Events)> StoredAsync(JobId id, CancellationToken cancellation)
    {
        await using var reading = App.Services.CreateAsyncScope();
        var model = reading.ServiceProvider.GetRequiredService<IReadModel>();
        return (await model.Jobs.CountAsync(j => j.Id == id, cancellation),
            await model.JobNodes.CountAsync(n => n.JobId == id, cancellation),
            await model.JobEvents.CountAsync(e => e.JobId == id, cancellation));
    }

    /// <summary>EF's commits (TransactionCommitted) per context, heard while the test runs.</summary>
    private sealed class EfCommits : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly ConcurrentBag<DbContext?> _committed = [];
        private readonly List<IDisposable> _subscriptions = [];

        public EfCommits() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

        public int Of(DbContext context) => _committed.Count(c => ReferenceEquals(c, context));

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                lock (_subscriptions)
                {
                    _subscriptions.Add(value.Subscribe(this, name => name == RelationalEventId.TransactionCommitted.Name));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Value is TransactionEndEventData data)
            {
                _committed.Add(data.Context);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            lock (_subscriptions)
            {
                _subscriptions.ForEach(s => s.Dispose());
            }
        }
    }
}

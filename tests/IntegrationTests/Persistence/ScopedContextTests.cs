using DagMaster.Application.Abstractions;
using DagMaster.Infrastructure.Persistence;
using DagMaster.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DagMaster.IntegrationTests.Persistence;

/// <summary>The pooled context a scope rents is returned once, by that scope, however many of its services name it.</summary>
public sealed class ScopedContextTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    [Fact]
    public async Task ScopedContext_WhenAnEndedScopeDisposesItAgain_StaysWithTheScopeThatRentedItNext()
    {
        var scopes = App.Services.GetRequiredService<IServiceScopeFactory>();
        var first = scopes.CreateAsyncScope();
        var firstContext = first.ServiceProvider.GetRequiredService<DagMasterDbContext>();
        first.ServiceProvider.GetRequiredService<IUnitOfWork>().ShouldBeSameAs(firstContext);
        first.ServiceProvider.GetRequiredService<IReadModel>().ShouldBeSameAs(firstContext);

        // The container disposes the instance once per registration that handed it out; the first of those
        // disposals would have returned it to the pool while the scope still had two more to come.
        await firstContext.DisposeAsync();
        await using var second = scopes.CreateAsyncScope();
        var secondContext = second.ServiceProvider.GetRequiredService<DagMasterDbContext>();
        await first.DisposeAsync();

        await Should.NotThrowAsync(() => secondContext.JobSet.AnyAsync(TestContext.Current.CancellationToken));
    }
}

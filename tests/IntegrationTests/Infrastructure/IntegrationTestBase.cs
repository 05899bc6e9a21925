namespace DagMaster.IntegrationTests.Infrastructure;

/// <summary>Each test starts from an empty database (the workflow catalog excepted).</summary>
public abstract class IntegrationTestBase(DagMasterAppFixture app) : IAsyncLifetime
{
    protected DagMasterAppFixture App { get; } = app;

    protected HttpClient Client { get; } = app.CreateClient();

    public virtual async ValueTask InitializeAsync() => await App.ResetDatabaseAsync();

    public virtual ValueTask DisposeAsync()
    {
        Client.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}

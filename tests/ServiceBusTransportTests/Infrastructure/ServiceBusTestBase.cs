
namespace DagMaster.ServiceBusTransportTests.Infrastructure;

/// <summary>Each test starts from an empty database (the workflow catalog excepted).</summary>
public abstract class ServiceBusTestBase(ServiceBusAppFixture app) : IAsyncLifetime
{
    protected ServiceBusAppFixture App { get; } = app;

    protected HttpClient Client { get; } = app.Host.CreateClient();

    protected JobsApi Jobs => new(Client);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync() => await App.ResetDatabaseAsync();

    public virtual ValueTask DisposeAsync()
    {
        Client.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}

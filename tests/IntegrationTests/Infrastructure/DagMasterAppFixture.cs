using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace DagMaster.IntegrationTests.Infrastructure;

/// <summary>
/// One DagMaster host for the whole test assembly, on the real PostgreSQL that build/test starts
/// (DAGMASTER_TEST_DB). Migrations are applied by the fixture, so they are tested too.
/// </summary>
public sealed class DagMasterAppFixture() : KestrelHost<Program>(operatorClients: true), IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.FromEnvironment();
    private readonly WorkflowsFolder _workflows = WorkflowsFolder.CopyOfShipped();

    public string ConnectionString => _database.ConnectionString;

    /// <summary>A private copy of the shipped workflows/ folder that tests may add files to.</summary>
    public string WorkflowsDirectory => _workflows.Path;

    public async ValueTask InitializeAsync()
    {
        await _database.MigrateAsync();
        StartServer(); // starts the host: workflows are registered now
    }

    public Task ResetDatabaseAsync() => _database.ResetAsync();

    public Task ExecuteSqlAsync(string sql) => _database.ExecuteAsync(sql);

    public Task<long> ScalarAsync(string sql) => _database.ScalarAsync(sql);

    public async Task<TResponse> SendAsync<TResponse>(ICommand<TResponse> command)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    public async Task<TResponse> SendAsync<TResponse>(IQuery<TResponse> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query);
    }

    protected override Dictionary<string, string> Settings()
    {
        var settings = TestHostSettings.InProcess(ConnectionString, WorkflowsDirectory);
        settings["WEBHOOK_RETRY_DELAYS_SECONDS"] = TestHostSettings.ShortWebhookRetryDelays;
        settings["WORKER_LEASE_SECONDS"] = TestHostSettings.ShortLeaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return settings;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _workflows.Dispose();
    }
}

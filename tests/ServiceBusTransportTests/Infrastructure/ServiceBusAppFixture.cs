using DagMaster.Testing.ServiceBus;

namespace DagMaster.ServiceBusTransportTests.Infrastructure;

/// <summary>
/// The Service Bus test peer and a DagMaster host with TASK_TRANSPORT=servicebus on a database of its own
/// (<c>dagmaster_sb_test</c>, beside build/test's), so no host of another transport sweeps its jobs.
/// </summary>
public sealed class ServiceBusAppFixture : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.BesideEnvironment("dagmaster_sb_test");
    private readonly WorkflowsFolder _workflows = WorkflowsFolder.CopyOfShipped();

    public ServiceBusPeer Peer { get; private set; } = null!;

    public ServiceBusHost Host { get; private set; } = null!;

    public string ConnectionString => _database.ConnectionString;

    public string WorkflowsDirectory => _workflows.Path;

    public async ValueTask InitializeAsync()
    {
        Peer = await ServiceBusPeer.StartAsync(new ServiceBusPeerOptions { Port = 0 });
        await _database.CreateAsync();
        await _database.MigrateAsync();
        Host = StartHost();
    }

    /// <summary>Another DagMaster instance on the same database and peer, with extra settings (e.g. a crashing relay).</summary>
    public ServiceBusHost StartHost(IReadOnlyDictionary<string, string>? settings = null) => new(this, settings);

    public Task ResetDatabaseAsync() => _database.ResetAsync();

    public Task<long> ScalarAsync(string sql) => _database.ScalarAsync(sql);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Peer.DisposeAsync();
        _workflows.Dispose();
    }
}

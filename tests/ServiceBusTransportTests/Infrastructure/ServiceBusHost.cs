using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DagMaster.ServiceBusTransportTests.Infrastructure;

/// <summary>A DagMaster instance with TASK_TRANSPORT=servicebus against the fixture's peer, on a real Kestrel port.</summary>
public sealed class ServiceBusHost : WebApplicationFactory<Program>
{
    private readonly ServiceBusAppFixture _fixture;
    private readonly IReadOnlyDictionary<string, string> _settings;

    public ServiceBusHost(ServiceBusAppFixture fixture, IReadOnlyDictionary<string, string> settings)
    {
        _fixture = fixture;
        _settings = settings;
        UseKestrel(0);
        StartServer();
    }

    public Uri ServerAddress => ClientOptions.BaseAddress;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("DATABASE_URL", _fixture.ConnectionString);
        builder.UseSetting("WORKFLOWS_DIR", _fixture.WorkflowsDirectory);
        builder.UseSetting("AUTO_BOOTSTRAP_SCHEMA", "false");
        builder.UseSetting("RETENTION_DAYS", "0");
        builder.UseSetting("WORKER_KEYS", ServiceBusAppFixture.WorkerKey);
        builder.UseSetting("ADMIN_KEYS", ServiceBusAppFixture.AdminKey);
        builder.UseSetting("WEBHOOK_WORKERS", "0");
        builder.UseSetting("ORCHESTRATOR_POLL_INTERVAL", "0.2");
        builder.UseSetting("TASK_TRANSPORT", "servicebus");
        builder.UseSetting("SERVICE_BUS_CONNECTION_STRING", _fixture.Peer.ConnectionString);
        foreach (var (name, value) in _settings)
        {
            builder.UseSetting(name, value);
        }
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add("X-Api-Key", ServiceBusAppFixture.AdminKey);
    }
}

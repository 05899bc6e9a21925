namespace DagMaster.ServiceBusTransportTests.Infrastructure;

/// <summary>A DagMaster instance with TASK_TRANSPORT=servicebus against the fixture's peer, on a real Kestrel port.</summary>
public sealed class ServiceBusHost : KestrelHost<Program>
{
    private readonly ServiceBusAppFixture _fixture;

    public ServiceBusHost(ServiceBusAppFixture fixture, IReadOnlyDictionary<string, string>? settings)
        : base(operatorClients: true, settings)
    {
        _fixture = fixture;
        StartServer();
    }

    protected override Dictionary<string, string> Settings()
    {
        var settings = TestHostSettings.InProcess(_fixture.ConnectionString, _fixture.WorkflowsDirectory);
        settings["WEBHOOK_WORKERS"] = "0";
        settings["TASK_TRANSPORT"] = "servicebus";
        settings["SERVICE_BUS_CONNECTION_STRING"] = _fixture.Peer.ConnectionString;
        return settings;
    }
}

using DagMaster.Worker;
using Microsoft.Extensions.Configuration;

namespace DagMaster.WorkerTests;

public sealed class WorkerEnvironmentTests
{
    private const string ConnectionString = "Endpoint=sb://127.0.0.1:5672;SharedAccessKeyName=k;SharedAccessKey=a2V5;UseDevelopmentEmulator=true";

    [Fact]
    public void Apply_WhenVariablesSet_ConfiguresTheWorker()
    {
        var options = new WorkerOptions();

        WorkerEnvironment.Apply(
            Configuration(new()
            {
                ["DAGMASTER_URL"] = "http://dagmaster:9000",
                ["WORKER_KEY"] = "secret",
                ["WORKER_ID"] = "worker-7",
                ["WORKER_QUEUES"] = " container-tasks, ,gpu-tasks ",
                ["WORKER_CONCURRENCY"] = "8",
                ["WORKER_DRAIN_SECONDS"] = "45",
            }),
            options);

        options.BaseUrl.ShouldBe(new Uri("http://dagmaster:9000"));
        options.WorkerKey.ShouldBe("secret");
        options.WorkerId.ShouldBe("worker-7");
        options.Queues.ShouldBe(["container-tasks", "gpu-tasks"]);
        options.MaxConcurrency.ShouldBe(8);
        options.DrainTimeout.ShouldBe(TimeSpan.FromSeconds(45));
    }

    [Fact]
    public void Apply_WhenNothingSet_KeepsTheDefaults()
    {
        var options = new WorkerOptions();

        WorkerEnvironment.Apply(Configuration([]), options);

        options.BaseUrl.ShouldBe(new Uri("http://127.0.0.1:8080"));
        options.WorkerKey.ShouldBeEmpty();
        options.Queues.ShouldBe(WorkerOptions.DefaultQueues);
        options.MaxConcurrency.ShouldBe(4);
    }

    [Fact]
    public void Apply_WhenConcurrencyIsNotANumber_ThrowsNamingTheVariable()
    {
        var failure = Should.Throw<InvalidOperationException>(() => WorkerEnvironment.Apply(Configuration(new() { ["WORKER_CONCURRENCY"] = "four" }), new WorkerOptions()));

        failure.Message.ShouldContain("WORKER_CONCURRENCY");
    }

    [Fact]
    public void Apply_WhenServiceBusTransportSet_ConfiguresTheServiceBusSettings()
    {
        var options = new WorkerOptions();

        WorkerEnvironment.Apply(
            Configuration(new()
            {
                ["WORKER_TRANSPORT"] = "ServiceBus",
                ["SERVICE_BUS_CONNECTION_STRING"] = ConnectionString,
                ["SERVICE_BUS_RESULTS_QUEUE"] = "results",
                ["SERVICE_BUS_FQDN"] = "ns.servicebus.windows.net",
            }),
            options);

        options.Transport.ShouldBe(WorkerTransport.ServiceBus);
        options.ServiceBus.ConnectionString.ShouldBe(ConnectionString);
        options.ServiceBus.ResultsQueue.ShouldBe("results");
        options.ServiceBus.FullyQualifiedNamespace.ShouldBe("ns.servicebus.windows.net");
        options.Validate().ShouldBeEmpty();
    }

    [Fact]
    public void Apply_WhenTransportNotSet_UsesHttpAndTheDefaultResultsQueue()
    {
        var options = new WorkerOptions();

        WorkerEnvironment.Apply(Configuration([]), options);

        options.Transport.ShouldBe(WorkerTransport.Http);
        options.ServiceBus.ResultsQueue.ShouldBe("dag-task-results");
    }

    [Fact]
    public void Apply_WhenTransportUnknown_ThrowsNamingTheVariable()
    {
        var failure = Should.Throw<InvalidOperationException>(() => WorkerEnvironment.Apply(Configuration(new() { ["WORKER_TRANSPORT"] = "amqp" }), new WorkerOptions()));

        failure.Message.ShouldContain("WORKER_TRANSPORT");
        failure.Message.ShouldContain("amqp");
    }

    [Theory]
    [InlineData(null, null, "SERVICE_BUS_CONNECTION_STRING")]
    [InlineData(null, "not a host/name", "SERVICE_BUS_FQDN")]
    [InlineData("not a connection string", null, "SERVICE_BUS_CONNECTION_STRING")]
    public void Validate_WhenServiceBusTransportLacksAUsableConnectionString_NamesTheSetting(string? connectionString, string? fqdn, string setting)
    {
        var options = new WorkerOptions { Transport = WorkerTransport.ServiceBus };
        options.ServiceBus.ConnectionString = connectionString;
        options.ServiceBus.FullyQualifiedNamespace = fqdn;

        options.Validate().ShouldContain(e => e.Contains(setting));
    }

    [Fact]
    public void Validate_WhenOnlyTheNamespaceIsGiven_AcceptsItForTheEntraCredential()
    {
        var options = new WorkerOptions { Transport = WorkerTransport.ServiceBus };
        options.ServiceBus.FullyQualifiedNamespace = "ns.servicebus.windows.net";

        options.Validate().ShouldBeEmpty();
    }

    [Fact]
    public void Validate_WhenHttpTransport_IgnoresTheServiceBusSettings()
    {
        var options = new WorkerOptions();
        options.ServiceBus.ResultsQueue = string.Empty;

        options.Validate().ShouldBeEmpty();
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}

using System.Text.Json.Nodes;
using DagMaster.Worker;
using DagMaster.Worker.Client;
using DagMaster.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DagMaster.WorkerTests;

public sealed class DependencyInjectionTests
{
    [Fact]
    public void AddDagMasterWorker_WhenBuiltInHandlersAdded_RegistersHostClientAndEveryHandler()
    {
        using var provider = Services().BuildServiceProvider();

        var host = provider.GetServices<IHostedService>().OfType<WorkerHost>().Single();
        host.HandlerNames.Order().ShouldBe(["chunk_processor", "echo", "fail", "flaky_echo", "hello_world", "multi_phase", "size_check", "sleep"]);
        provider.GetRequiredService<DagMasterWorkerClient>().ShouldNotBeNull();
        provider.GetRequiredService<IOptions<WorkerOptions>>().Value.WorkerKey.ShouldBe("key");
    }

    [Fact]
    public void AddTaskHandler_WhenNameMatchesABuiltIn_ReplacesIt()
    {
        var services = Services().AddTaskHandler<CustomEchoHandler>();
        using var provider = services.BuildServiceProvider();

        var host = provider.GetRequiredService<WorkerHost>();

        host.HandlerNames.Count(n => n == "echo").ShouldBe(1);
        provider.GetServices<ITaskHandler>().Last(h => h.Name == "echo").ShouldBeOfType<CustomEchoHandler>();
    }

    [Fact]
    public void AddDagMasterWorker_WhenDrainTimeoutIsLong_RaisesTheShutdownTimeout()
    {
        var services = Services();
        services.Configure<WorkerOptions>(o => o.DrainTimeout = TimeSpan.FromMinutes(2));
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMinutes(2));
    }

    [Fact]
    public void AddDagMasterWorker_WhenOptionsInvalid_FailsNamingTheProblem()
    {
        var services = Services();
        services.Configure<WorkerOptions>(o => o.MaxConcurrency = 0);
        using var provider = services.BuildServiceProvider();

        var failure = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<WorkerOptions>>().Value);

        failure.Message.ShouldContain("MaxConcurrency must be at least 1");
    }

    private static IServiceCollection Services() => new ServiceCollection()
        .AddLogging()
        .AddDagMasterWorker(o =>
        {
            o.BaseUrl = new Uri("http://127.0.0.1:1");
            o.WorkerKey = "key";
        })
        .AddBuiltInHandlers();

    private sealed class CustomEchoHandler : ITaskHandler
    {
        public string Name => "echo";

        public Task<JsonObject> HandleAsync(TaskContext context, CancellationToken cancellationToken) =>
            Task.FromResult(new JsonObject { ["custom"] = true });
    }
}

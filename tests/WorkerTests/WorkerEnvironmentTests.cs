using DagMaster.Worker;
using Microsoft.Extensions.Configuration;

namespace DagMaster.WorkerTests;

public sealed class WorkerEnvironmentTests
{
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

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}

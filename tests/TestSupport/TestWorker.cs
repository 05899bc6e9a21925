using DagMaster.Worker;
using DagMaster.Worker.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace DagMaster.TestSupport;

/// <summary>
/// The real worker host (the SDK and the built-in handlers) in the test process, with the test worker key. Random
/// draws can be scripted, so that flaky handlers fail exactly when a test says.
/// </summary>
public sealed class TestWorker : IAsyncDisposable
{
    private readonly IHost _host;

    private TestWorker(IHost host) => _host = host;

    /// <param name="configure">
    /// The worker's options over the tests' defaults (a two-second claim, a one-second heartbeat, a two-second
    /// drain): its base address and id at least.
    /// </param>
    /// <param name="services">Handlers of the test's own, the raster handlers.</param>
    /// <param name="randomDraws">What the handlers' random source answers, in order; 0.999 once they are used up.</param>
    public static async Task<TestWorker> StartAsync(
        Action<WorkerOptions> configure, Action<IServiceCollection>? services = null, IEnumerable<double>? randomDraws = null)
    {
        var builder = Host.CreateApplicationBuilder();
        services?.Invoke(builder.Services);
        if (randomDraws is not null)
        {
            builder.Services.AddSingleton<IRandomSource>(new ScriptedRandom(randomDraws));
        }

        builder.Services
            .AddDagMasterWorker(options =>
            {
                options.WorkerKey = TestHostSettings.WorkerKey;
                options.ClaimWaitSeconds = 2;
                options.HeartbeatInterval = TimeSpan.FromSeconds(1);
                options.DrainTimeout = TimeSpan.FromSeconds(2);
                configure(options);
            })
            .AddBuiltInHandlers();
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new TestWorker(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }

    private sealed class ScriptedRandom(IEnumerable<double> draws) : IRandomSource
    {
        private readonly Queue<double> _draws = new(draws);

        public double NextDouble()
        {
            lock (_draws)
            {
                return _draws.Count > 0 ? _draws.Dequeue() : 0.999;
            }
        }
    }
}

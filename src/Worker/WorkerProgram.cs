using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DagMaster.Worker;

/// <summary>
/// The standalone worker: settings from the environment (see <see cref="WorkerEnvironment"/>), the built-in
/// handlers, and a graceful drain on SIGTERM / Ctrl-C. A named entry point (not top-level statements) so the
/// assembly can be referenced next to the DagMaster host without two global <c>Program</c> types.
/// </summary>
public static class WorkerProgram
{
    public static async Task Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Services
            .AddDagMasterWorker(builder.Configuration)
            .AddBuiltInHandlers();

        await builder.Build().RunAsync();
    }
}

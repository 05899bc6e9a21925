using DagMaster.Worker.Raster;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DagMaster.Worker;

/// <summary>
/// The standalone worker: settings from the environment (see <see cref="WorkerEnvironment"/>), the built-in
/// handlers, the raster handlers (when GDAL is installed), and a graceful drain on SIGTERM / Ctrl-C. A named entry point (not top-level statements) so the
/// assembly can be referenced next to the DagMaster host without two global <c>Program</c> types.
/// </summary>
public static class WorkerProgram
{
    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is [RasterSamples.Command, var folder])
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
            return await RasterSamples.RunAsync(configuration, folder, CancellationToken.None);
        }

        var builder = Host.CreateApplicationBuilder(args);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Services
            .AddDagMasterWorker(builder.Configuration)
            .AddBuiltInHandlers()
            .AddRasterHandlers(builder.Configuration);

        await builder.Build().RunAsync();
        return 0;
    }
}

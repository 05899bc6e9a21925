using DagMaster.Worker;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// The standalone worker: settings from the environment (see WorkerEnvironment), the built-in handlers,
// and a graceful drain on SIGTERM / Ctrl-C.
var builder = Host.CreateApplicationBuilder(args);
builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
builder.Services
    .AddDagMasterWorker(builder.Configuration)
    .AddBuiltInHandlers();

await builder.Build().RunAsync();

using DagMaster.Application;
using DagMaster.Infrastructure;
using DagMaster.WebApi;
using DagMaster.WebApi.Endpoints;
using DagMaster.WebApi.Infrastructure;
using DagMaster.WebApi.Infrastructure.Text;
using DagMaster.WebUi;
using DagMaster.WebApi.Security;
using Hangfire;

// "probe URL": the container's health check asks a running instance for its readiness and exits 0 when ready.
if (args is ["probe", var probeUrl])
{
    return await ReadinessProbe.RunAsync(new Uri(probeUrl));
}

var builder = WebApplication.CreateBuilder(args);
builder.AddLogLevelFromEnvironment();

// The platforms seeded on first start: PLATFORMS_FILE, or platforms.json next to the binary.
builder.Configuration.AddJsonFile(builder.Configuration["PLATFORMS_FILE"] ?? Path.Combine(AppContext.BaseDirectory, "platforms.json"), optional: true);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = DagMaster.WebApi.DependencyInjection.MaxRequestBodyBytes);

try
{
    builder.Services
        .AddApplication()
        .AddInfrastructure(builder.Configuration)
        .AddWebApi(builder.Configuration)
        .AddAdminUi(builder.Configuration);
}
catch (ConfigurationProblemsException problems)
{
    // Every missing or contradictory setting at once, and a non-zero exit instead of a half-started host.
    await Console.Error.WriteLineAsync(problems.Message);
    return 2;
}

var app = builder.Build();

app.UseForwardedHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseOpenApi(settings =>
{
    settings.Path = "/openapi/{documentName}.json";
    // Relative to the host that serves it: the address is no part of the contract (and would differ per run).
    settings.PostProcess = (document, _) =>
    {
        document.Servers.Clear();
        document.Servers.Add(new NSwag.OpenApiServer { Url = "/", Description = "The DagMaster host that serves this document." });
    };
});
app.UseSwaggerUi(settings =>
{
    settings.Path = "/swagger";
    settings.DocumentPath = "/openapi/{documentName}.json";
});

app.UseAdminUi();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseMiddleware<RequestTextGuardMiddleware>();

app.MapHealthEndpoints();
app.MapWorkflowsEndpoints();
app.MapJobsEndpoints();
app.MapWorkerEndpoints();
app.MapCallbackEndpoints();
app.MapAdminUi();
app.MapPlatformsEndpoints();
app.MapSubmissionsEndpoints();
app.MapAssetsEndpoints();
app.UseHangfireDashboard("/ui/hangfire", new DashboardOptions
{
    Authorization = [],
    AsyncAuthorization = [new OperatorDashboardAuthorizationFilter()],
    DisplayStorageConnectionString = false,
});

await app.RunAsync();
return 0;

/// <summary>The host's entry point; public so integration tests can start it.</summary>
public partial class Program;

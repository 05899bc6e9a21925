using DagMaster.Application;
using DagMaster.Infrastructure;
using DagMaster.WebApi;
using DagMaster.WebApi.Endpoints;
using DagMaster.WebUi;

var builder = WebApplication.CreateBuilder(args);
builder.AddLogLevelFromEnvironment();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = DagMaster.WebApi.DependencyInjection.MaxRequestBodyBytes);

builder.Services
    .AddApplication()
    .AddInfrastructure(builder.Configuration)
    .AddWebApi(builder.Configuration)
    .AddAdminUi(builder.Configuration);

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseOpenApi(settings => settings.Path = "/openapi/{documentName}.json");
app.UseSwaggerUi(settings =>
{
    settings.Path = "/swagger";
    settings.DocumentPath = "/openapi/{documentName}.json";
});

app.UseAdminUi();
app.UseAuthentication();
app.UseAuthorization();

app.MapHealthEndpoints();
app.MapWorkflowsEndpoints();
app.MapJobsEndpoints();
app.MapWorkerEndpoints();
app.MapAdminUi();

app.Run();

/// <summary>The host's entry point; public so integration tests can start it.</summary>
public partial class Program;

using DagMaster.WebApi.Infrastructure;
using DagMaster.WebApi.Security;
using NJsonSchema.Generation;

namespace DagMaster.WebApi.OpenApi;

/// <summary>
/// Two documents: <c>v1</c>, the API contract B2B apps, workers and operators code against (checked in as
/// <c>src/Client/openapi/v1.json</c> and linted), and <c>ui</c>, the admin pages' form posts, which only the
/// fuzz test and the explorer read.
/// </summary>
public static class OpenApiRegistration
{
    public const string ApiDocument = "v1";
    public const string UiDocument = "ui";

    public static IServiceCollection AddDagMasterOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddOpenApiDocument(settings =>
        {
            Describe(settings, ApiDocument, "DagMaster API");
            settings.Description = ApiDescription.Text;
            settings.OperationProcessors.Insert(0, new ApiSurfaceFilter(isUiDocument: false));
            settings.OperationProcessors.Add(new OperationTextProcessor());
            settings.OperationProcessors.Add(new AcceptedContentProcessor());
            settings.OperationProcessors.Add(new SecurityRequirementProcessor());
            settings.OperationProcessors.Add(new ProblemResponsesProcessor());
            settings.AddSecurity(AuthSchemes.ApiKey, new NSwag.OpenApiSecurityScheme
            {
                Type = NSwag.OpenApiSecuritySchemeType.ApiKey,
                Name = AuthSchemes.ApiKeyHeader,
                In = NSwag.OpenApiSecurityApiKeyLocation.Header,
                Description = "X-Api-Key: a platform API key (its own platform only) or an operator key from ADMIN_KEYS.",
            });
            settings.AddSecurity(AuthSchemes.WorkerKey, new NSwag.OpenApiSecurityScheme
            {
                Type = NSwag.OpenApiSecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "Worker calls: Authorization: Bearer <key from WORKER_KEYS>.",
            });
            settings.DocumentProcessors.Add(new WebhookCallbackProcessor());
            settings.DocumentProcessors.Add(new NullableSchemaProcessor());
            settings.DocumentProcessors.Add(new B2BExamplesProcessor());
        });
        services.AddOpenApiDocument(settings =>
        {
            Describe(settings, UiDocument, "DagMaster admin pages");
            settings.Description = "The admin pages' HTML forms (cookie login and anti-forgery tokens); not an API to code against.";
            settings.OperationProcessors.Insert(0, new ApiSurfaceFilter(isUiDocument: true));
        });
        return services;
    }

    private static void Describe(NSwag.Generation.AspNetCore.AspNetCoreOpenApiDocumentGeneratorSettings settings, string name, string title)
    {
        settings.DocumentName = name;
        settings.Title = title;
        settings.Version = "v1";
        // The document describes the JSON the endpoints read and write: snake_case names, snake_case enum values.
        var json = new System.Text.Json.JsonSerializerOptions();
        ApiJson.Configure(json);
        ((SystemTextJsonSchemaGeneratorSettings)settings.SchemaSettings).SerializerOptions = json;
    }
}

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace DagMaster.WebApi.Security;

internal static class SecurityRegistration
{
    public static IServiceCollection AddDagMasterSecurity(this IServiceCollection services)
    {
        services.AddSingleton<AdminKeys>();
        services.AddSingleton<WorkerKeys>();
        services.AddSingleton<UnknownApiKeys>();
        services.AddAuthentication(AuthSchemes.Default)
            .AddPolicyScheme(AuthSchemes.Default, "API key or worker key", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? AuthSchemes.WorkerKey
                    : AuthSchemes.ApiKey)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthSchemes.ApiKey, null)
            .AddScheme<AuthenticationSchemeOptions, WorkerKeyAuthenticationHandler>(AuthSchemes.WorkerKey, null);

        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AuthPolicies.Operator, p => p.RequireRole(AuthRoles.Operator))
            .AddPolicy(AuthPolicies.Viewer, p => p.RequireRole(AuthRoles.Operator, AuthRoles.Viewer))
            .AddPolicy(AuthPolicies.Platform, p => p.RequireRole(AuthRoles.Platform, AuthRoles.Operator))
            .AddPolicy(AuthPolicies.Reader, p => p.RequireRole(AuthRoles.Platform, AuthRoles.Operator, AuthRoles.Viewer))
            .AddPolicy(AuthPolicies.Worker, p => p.RequireRole(AuthRoles.Worker));
        return services;
    }
}

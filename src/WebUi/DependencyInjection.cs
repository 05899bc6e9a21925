using DagMaster.WebUi.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.FileProviders;

namespace DagMaster.WebUi;

/// <summary>The admin pages under /ui: MVC with this assembly's controllers and views, cookie login, policies, headers.</summary>
public static class DependencyInjection
{
    public static IServiceCollection AddAdminUi(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AdminUiOptions>(configuration.GetSection(AdminUiOptions.Section));
        services.AddSingleton<UiUserStore>();
        services.AddSingleton<LoginThrottle>();
        services.AddControllersWithViews().AddApplicationPart(typeof(DependencyInjection).Assembly);
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "DagMaster.Ui.Antiforgery";
            options.Cookie.Path = "/ui";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        var sessionMinutes = Math.Clamp(configuration.GetValue($"{AdminUiOptions.Section}:SessionMinutes", 480), 5, 24 * 60);
        var oidc = configuration.GetSection($"{AdminUiOptions.Section}:Oidc").Get<AdminUiOidcOptions>() ?? new AdminUiOidcOptions();
        var authentication = services.AddAuthentication()
            .AddCookie(UiPolicies.Scheme, options =>
            {
                options.Cookie.Name = "DagMaster.Ui";
                options.Cookie.Path = "/ui";
                options.Cookie.HttpOnly = true;
                // Strict unless a provider redirects back to the pages: the session cookie set by its callback must come
                // along on the redirect that follows (anti-forgery tokens protect every POST either way).
                options.Cookie.SameSite = oidc.IsEnabled ? SameSiteMode.Lax : SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = "/ui/login";
                options.LogoutPath = "/ui/logout";
                options.ExpireTimeSpan = TimeSpan.FromMinutes(sessionMinutes);
                options.SlidingExpiration = true;
                options.Events = new CookieAuthenticationEvents
                {
                    // A signed-in viewer asking for an operator action gets a plain 403, not a redirect.
                    OnRedirectToAccessDenied = context =>
                    {
                        context.Response.StatusCode = StatusCodes.Status403Forbidden;
                        return Task.CompletedTask;
                    },
                };
            });
        if (oidc.IsEnabled)
        {
            authentication.AddAdminUiOidc(oidc);
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(UiPolicies.Operator, policy => policy.AddAuthenticationSchemes(UiPolicies.Scheme).RequireRole(UiRoles.Operator))
            .AddPolicy(UiPolicies.Viewer, policy => policy.AddAuthenticationSchemes(UiPolicies.Scheme).RequireRole(UiRoles.Operator, UiRoles.Viewer));
        return services;
    }

    /// <summary>Headers and the embedded static files for /ui; call before authentication and endpoint mapping.</summary>
    public static IApplicationBuilder UseAdminUi(this IApplicationBuilder app)
    {
        app.UseMiddleware<UiResponseHeaders>();
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = "/ui/static",
            FileProvider = new EmbeddedFileProvider(typeof(DependencyInjection).Assembly, "DagMaster.WebUi.wwwroot"),
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
        return app;
    }

    public static IEndpointRouteBuilder MapAdminUi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapControllers();
        return endpoints;
    }
}

using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace DagMaster.WebUi.Security;

/// <summary>
/// Security headers on every /ui answer (a CSP without inline scripts or styles, no framing, no sniffing) and a
/// <c>Server-Timing</c> header with the server time spent on the request.
/// </summary>
internal sealed class UiResponseHeaders(RequestDelegate next, IOptions<AdminUiOptions> options)
{
    // Sign-out posts a form that ends at the OpenID provider, so its origin is an allowed form target too.
    private readonly string _contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
        $"object-src 'none'; base-uri 'none'; form-action 'self'{ProviderOrigin(options.Value.Oidc)}; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/ui", StringComparison.OrdinalIgnoreCase))
        {
            return next(context);
        }

        var started = Stopwatch.GetTimestamp();
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = _contentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (!context.Request.Path.StartsWithSegments("/ui/static", StringComparison.OrdinalIgnoreCase))
            {
                headers.CacheControl = "no-store";
            }

            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture, $"app;dur={elapsed:0.0}");
            return Task.CompletedTask;
        });
        return next(context);
    }

    private static string ProviderOrigin(AdminUiOidcOptions oidc) =>
        oidc.IsEnabled && Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority) ? " " + authority.GetLeftPart(UriPartial.Authority) : "";
}

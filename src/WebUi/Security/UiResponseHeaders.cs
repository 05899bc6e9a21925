using System.Diagnostics;
using System.Globalization;

namespace DagMaster.WebUi.Security;

/// <summary>
/// Security headers on every /ui answer (a CSP without inline scripts or styles, no framing, no sniffing) and a
/// <c>Server-Timing</c> header with the server time spent on the request.
/// </summary>
internal sealed class UiResponseHeaders(RequestDelegate next)
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

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
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
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
}

using Microsoft.Extensions.Primitives;

namespace DagMaster.WebApi.Infrastructure.Text;

/// <summary>
/// Refuses text PostgreSQL cannot store before any handler sees it (ADR-0050): a query parameter or form field
/// with a NUL character or malformed Unicode, or longer than <see cref="MaxQueryValueLength"/>, answers 400; a JSON
/// body with such a string anywhere (values and property names) answers 422 naming every field by its path.
/// </summary>
internal sealed class RequestTextGuardMiddleware(RequestDelegate next, IProblemDetailsService problems)
{
    /// <summary>No query value is longer (the fields' own limits, checked by their validators, are lower).</summary>
    public const int MaxQueryValueLength = 2_048;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var queryErrors = FieldErrors(request.Query, "query parameter");
        if (queryErrors.Count > 0)
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, "The query string is not valid.", queryErrors);
            return;
        }

        if (request.HasJsonContentType() && request.ContentLength != 0)
        {
            var body = await ReadBodyAsync(request, context.RequestAborted);
            var bodyErrors = JsonTextScanner.Scan(body.Span, ApiJson.MaxDepth);
            if (bodyErrors.Count > 0)
            {
                await WriteAsync(context, StatusCodes.Status422UnprocessableEntity, "The request is not valid.", bodyErrors);
                return;
            }
        }
        else if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(context.RequestAborted);
            }
            catch (InvalidDataException ex)
            {
                // ASP.NET Core's form reader refuses some input itself (a NUL character, too many fields).
                await WriteAsync(context, StatusCodes.Status400BadRequest, "The form is not valid.", new() { ["form"] = [ex.Message] });
                return;
            }

            var formErrors = FieldErrors(form, "form field");
            if (formErrors.Count > 0)
            {
                await WriteAsync(context, StatusCodes.Status400BadRequest, "The form is not valid.", formErrors);
                return;
            }
        }

        await next(context);
    }

    private static Dictionary<string, string[]> FieldErrors(IEnumerable<KeyValuePair<string, StringValues>> fields, string what)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (key, values) in fields)
        {
            var name = StorableText.Printable(key);
            var problem = StorableText.Problem(key) is { } keyProblem ? $"the {what} name {keyProblem}" : null;
            foreach (var value in values)
            {
                problem ??= value is null ? null
                    : StorableText.Problem(value) ?? (value.Length > MaxQueryValueLength && what == "query parameter"
                        ? $"must be at most {MaxQueryValueLength} characters (it has {value.Length})"
                        : null);
            }

            if (problem is not null)
            {
                errors[name] = [problem];
            }
        }

        return errors;
    }

    /// <summary>Reads the whole body (Kestrel's body size limit applies) and puts it back for the model binder.</summary>
    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream(request.ContentLength is > 0 and <= int.MaxValue ? (int)request.ContentLength : 4_096);
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var body = new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
        buffer.Position = 0;
        request.Body = buffer;
        request.HttpContext.Response.RegisterForDispose(buffer);
        return body;
    }

    private async Task WriteAsync(HttpContext context, int status, string title, Dictionary<string, string[]> errors)
    {
        context.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new HttpValidationProblemDetails(errors)
            {
                Status = status,
                Title = title,
                Type = status == StatusCodes.Status400BadRequest ? ProblemTypes.BadRequest : ProblemTypes.Validation,
            },
        });
    }
}

using DagMaster.Application.Common.Exceptions;
using DagMaster.Domain.Common;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace DagMaster.WebApi.Infrastructure;

/// <summary>
/// The one place exceptions become HTTP answers: validation → 422 with every field error, not found → 404,
/// a broken business rule or a lost race to create the same row → 409, unreadable JSON → 400. Anything else is a 500 without internals.
/// </summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            ValidationException validation => new HttpValidationProblemDetails(
                validation.Errors.GroupBy(e => ToSnakeCase(e.PropertyName)).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()))
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "The request is not valid.",
                Type = ProblemTypes.Validation,
            },
            NotFoundException notFound => new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = $"{notFound.Resource} not found.",
                Detail = notFound.Message,
                Type = ProblemTypes.NotFound,
            },
            BusinessRuleValidationException rule => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = rule.BrokenRule.GetType().Name,
                Detail = rule.Message,
                Type = ProblemTypes.Conflict,
            },
            ConcurrentWriteException concurrent => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "A concurrent request changed the same resource.",
                Detail = concurrent.Message,
                Type = ProblemTypes.ConcurrentWrite,
            },
            ForbiddenException forbidden => new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Not allowed.",
                Detail = forbidden.Message,
                Type = ProblemTypes.Forbidden,
            },
            TooManyRequestsException tooMany => new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = tooMany.Message,
                Type = ProblemTypes.TooManyRequests,
            },
            TransportMismatchException mismatch => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "The task transport does not serve this call.",
                Detail = mismatch.Message,
                Type = ProblemTypes.TransportMismatch,
            },
            BadHttpRequestException badRequest => new ProblemDetails
            {
                Status = badRequest.StatusCode,
                Title = "The request could not be read.",
                Detail = badRequest.InnerException?.Message ?? badRequest.Message,
                Type = ProblemTypes.BadRequest,
            },
            _ => null,
        };

        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        if (exception is TooManyRequestsException limited)
        {
            httpContext.Response.Headers.RetryAfter = limited.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static string ToSnakeCase(string name) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}

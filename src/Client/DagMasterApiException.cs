using System.Text.Json;

namespace DagMaster.Client;

/// <summary>
/// DagMaster answered an error. Its Problem Details are parsed: branch on <see cref="Type"/> (a stable URI such as
/// <c>https://dagmaster.dev/problems/validation</c>); a 422 names every field error in <see cref="Errors"/>.
/// The generated client throws it for every answer that is not a success, documented or not.
/// </summary>
public class DagMasterApiException : Exception
{
    public DagMasterApiException(string message, int statusCode, string? response,
        IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException)
        : this(message, statusCode, response, headers, ParseProblem(response), innerException)
    {
    }

    protected DagMasterApiException(string message, int statusCode, string? response,
        IReadOnlyDictionary<string, IEnumerable<string>> headers, ProblemDetails? problem, Exception? innerException)
        : base(Describe(message, statusCode, problem), innerException)
    {
        Status = statusCode;
        Response = response;
        Headers = headers;
        Problem = problem;
        Errors = problem is ValidationProblemDetails { Errors: { } errors }
            ? errors.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)[.. e.Value])
            : new Dictionary<string, IReadOnlyList<string>>();
    }

    /// <summary>The HTTP status code.</summary>
    public int Status { get; }

    /// <summary>The Problem Details <c>type</c>: what kind of error, stable across versions.</summary>
    public string? Type => Problem?.Type?.OriginalString;

    public string? Title => Problem?.Title;

    public string? Detail => Problem?.Detail;

    /// <summary>Quote it when asking DagMaster's operators about this request.</summary>
    public string? TraceId => Problem?.TraceId;

    /// <summary>A 422's messages by field name (snake_case, as sent); empty for other errors.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Errors { get; }

    /// <summary>The whole Problem Details, or <c>null</c> when the body was not one.</summary>
    public ProblemDetails? Problem { get; }

    /// <summary>The body as text, when it was read as text.</summary>
    public string? Response { get; }

    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

    private static string Describe(string message, int statusCode, ProblemDetails? problem)
    {
        if (problem is null)
        {
            return $"DagMaster answered {statusCode}: {message}";
        }

        var fields = problem is ValidationProblemDetails { Errors: { Count: > 0 } errors }
            ? " " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))
            : "";
        return $"DagMaster answered {statusCode} {problem.Type?.OriginalString}: {problem.Title} {problem.Detail}{fields}".TrimEnd();
    }

    private static ValidationProblemDetails? ParseProblem(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            // ValidationProblemDetails reads any Problem Details; "errors" simply stays empty when absent.
            var problem = JsonSerializer.Deserialize<ValidationProblemDetails>(body);
            return problem?.Type is null && problem?.Title is null ? null : problem;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>The error with its documented body deserialized (<see cref="Result"/>); NSwag throws this form.</summary>
public sealed class DagMasterApiException<TResult>(string message, int statusCode, string? response,
    IReadOnlyDictionary<string, IEnumerable<string>> headers, TResult result, Exception? innerException)
    : DagMasterApiException(message, statusCode, response, headers, result as ProblemDetails, innerException)
{
    public TResult Result { get; } = result;
}

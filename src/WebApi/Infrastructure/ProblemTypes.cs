namespace DagMaster.WebApi.Infrastructure;

/// <summary>
/// The stable <c>type</c> of every Problem Details answer. Clients branch on these, never on titles or details;
/// the OpenAPI document lists them per status code, so adding one here is an API change.
/// </summary>
public static class ProblemTypes
{
    private const string Base = "https://dagmaster.dev/problems/";

    public const string BadRequest = Base + "bad-request";
    public const string Unauthorized = Base + "unauthorized";
    public const string Forbidden = Base + "forbidden";
    public const string NotFound = Base + "not-found";
    public const string Conflict = Base + "conflict";
    public const string ConcurrentWrite = Base + "concurrent-write";
    public const string TransportMismatch = Base + "transport-mismatch";
    public const string AttemptGone = Base + "attempt-gone";
    public const string TooLarge = Base + "too-large";
    public const string UnsupportedMediaType = Base + "unsupported-media-type";
    public const string Validation = Base + "validation";
    public const string InvalidWorkflow = Base + "invalid-workflow";
    public const string RateLimited = Base + "rate-limited";
    public const string TooManyRequests = Base + "too-many-requests";
}

using System.Globalization;
using DagMaster.Application.Jobs.ListJobs;

namespace DagMaster.WebUi.Models;

/// <summary>The job list's query string as the form posts it (times are UTC, as the pages show them).</summary>
public sealed record JobListFilter(
    string? Status,
    string? WorkflowId,
    string? CorrelationId,
    string? PlatformId,
    string? CreatedAfter,
    string? CreatedBefore,
    string? Cursor,
    int Limit = 50)
{
    public static readonly IReadOnlyList<string> Statuses = ["pending", "running", "completed", "failed", "cancelled"];

    public static readonly IReadOnlyList<int> PageSizes = [25, 50, 100, 200];

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (CreatedAfter is { Length: > 0 } && ParseTime(CreatedAfter) is null)
        {
            problems.Add("'created after' is not a date and time");
        }

        if (CreatedBefore is { Length: > 0 } && ParseTime(CreatedBefore) is null)
        {
            problems.Add("'created before' is not a date and time");
        }

        return problems;
    }

    public ListJobsQuery ToQuery() => new(
        Blank(Status), Blank(WorkflowId), Blank(CorrelationId), Blank(PlatformId), ParseTime(CreatedAfter), ParseTime(CreatedBefore), null,
        PageSizes.Contains(Limit) ? Limit : 50, Blank(Cursor));

    /// <summary>The query string values for a link to another page of the same filters.</summary>
    public Dictionary<string, string> RouteValues(string? cursor) => new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["status"] = Blank(Status),
        ["workflow_id"] = Blank(WorkflowId),
        ["correlation_id"] = Blank(CorrelationId),
        ["platform_id"] = Blank(PlatformId),
        ["created_after"] = Blank(CreatedAfter),
        ["created_before"] = Blank(CreatedBefore),
        ["limit"] = Limit == 50 ? null : Limit.ToString(CultureInfo.InvariantCulture),
        ["cursor"] = cursor,
    }.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal);

    public bool IsFiltered => new[] { Status, WorkflowId, CorrelationId, PlatformId, CreatedAfter, CreatedBefore }.Any(v => !string.IsNullOrWhiteSpace(v));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateTimeOffset? ParseTime(string? value) =>
        DateTimeOffset.TryParse(Blank(value), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;
}

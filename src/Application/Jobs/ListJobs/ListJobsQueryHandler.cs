namespace DagMaster.Application.Jobs.ListJobs;

public sealed class ListJobsQueryHandler(IJobListReader reader) : IQueryHandler<ListJobsQuery, JobPageDto>
{
    public async ValueTask<JobPageDto> Handle(ListJobsQuery query, CancellationToken cancellationToken)
    {
        JobCursor.TryDecode(query.Cursor ?? string.Empty, out var after);
        var rows = await reader.ListAsync(query, after, query.Limit + 1, cancellationToken);
        var items = rows.Take(query.Limit).ToList();
        var next = rows.Count > query.Limit ? new JobCursor(items[^1].CreatedAt, items[^1].JobId).Encode() : null;
        return new JobPageDto(items, next);
    }
}

namespace DagMaster.Application.Jobs.GetJobGraph;

public sealed class GetJobGraphQueryHandler(IJobGraphReader reader) : IQueryHandler<GetJobGraphQuery, JobGraphDto?>
{
    public async ValueTask<JobGraphDto?> Handle(GetJobGraphQuery query, CancellationToken cancellationToken) =>
        await reader.ReadAsync(query.JobId, cancellationToken);
}

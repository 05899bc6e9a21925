namespace DagMaster.Domain.Jobs;

/// <summary>Task ids are <c>{job_id}:{node_id}:{attempt}</c>.</summary>
public static class TaskIds
{
    public static string Format(JobId jobId, string nodeId, int attempt) => $"{jobId.Value}:{nodeId}:{attempt}";

    public static bool TryParse(string taskId, out JobId jobId, out string nodeId, out int attempt)
    {
        jobId = default;
        nodeId = string.Empty;
        attempt = 0;
        var first = taskId.IndexOf(':', StringComparison.Ordinal);
        var last = taskId.LastIndexOf(':');
        if (first <= 0 || last <= first + 1 || !Guid.TryParse(taskId.AsSpan(0, first), out var guid)
            || !int.TryParse(taskId.AsSpan(last + 1), System.Globalization.NumberStyles.None, null, out attempt) || attempt < 1)
        {
            return false;
        }

        jobId = new JobId(guid);
        nodeId = taskId[(first + 1)..last];
        return true;
    }
}

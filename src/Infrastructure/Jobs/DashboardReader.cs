using DagMaster.Application.Jobs.GetDashboard;
using DagMaster.Application.Jobs.ListJobs;
using Npgsql;

namespace DagMaster.Infrastructure.Jobs;

/// <summary>
/// The dashboard in one round trip of six statements. Counts by status and the short lists walk
/// <c>ix_jobs_status_created</c>; node counts are grouped for the listed running jobs only (primary key prefix);
/// throughput reads only the last minutes of <c>ix_jobs_completed</c>.
/// </summary>
internal sealed class DashboardReader(NpgsqlDataSource dataSource) : IDashboardReader
{
    private const string JobColumns = JobListReader.SummaryColumns;

    public async Task<DashboardDto> ReadAsync(GetDashboardQuery query, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                // Exact counts walk ix_jobs_status_created and stop one past the limit; pg_stats gives the estimate beyond it.
                new NpgsqlBatchCommand("""
                    SELECT s.status,
                           (SELECT count(*) FROM (SELECT 1 FROM dagmaster.jobs j WHERE j.status = s.status LIMIT $1 + 1) c),
                           (SELECT (greatest(pc.reltuples, 0) * v.freq)::bigint
                            FROM pg_class pc, pg_stats st, unnest(st.most_common_vals::text::text[], st.most_common_freqs) AS v(status, freq)
                            WHERE pc.oid = 'dagmaster.jobs'::regclass AND st.schemaname = 'dagmaster' AND st.tablename = 'jobs'
                              AND st.attname = 'status' AND v.status = s.status)
                    FROM unnest(ARRAY['Pending', 'Running', 'Completed', 'Failed', 'Cancelled']) AS s(status)
                    """)
                {
                    Parameters = { new NpgsqlParameter { Value = DashboardDto.ExactCountLimit } },
                },
                new NpgsqlBatchCommand($"SELECT {JobColumns} FROM dagmaster.jobs WHERE status = 'Running' ORDER BY created_at DESC, id DESC LIMIT $1")
                {
                    Parameters = { new NpgsqlParameter { Value = query.Take } },
                },
                new NpgsqlBatchCommand($"SELECT {JobColumns} FROM dagmaster.jobs WHERE status = 'Failed' ORDER BY created_at DESC, id DESC LIMIT $1")
                {
                    Parameters = { new NpgsqlParameter { Value = query.Take } },
                },
                new NpgsqlBatchCommand("""
                    SELECT floor(extract(epoch FROM ($1 - completed_at)) / 60)::int, count(*)::int
                    FROM dagmaster.jobs WHERE completed_at > $1 - make_interval(mins => $2) AND completed_at <= $1 GROUP BY 1
                    """)
                {
                    Parameters = { new NpgsqlParameter { Value = now.ToUniversalTime() }, new NpgsqlParameter { Value = query.Minutes } },
                },
                new NpgsqlBatchCommand("SELECT count(*) FROM dagmaster.task_queue WHERE claimed_by IS NULL"),
                new NpgsqlBatchCommand("""
                    SELECT claimed_by, count(*)::int, max(claimed_at) FROM dagmaster.task_queue
                    WHERE claimed_by IS NOT NULL GROUP BY claimed_by ORDER BY claimed_by LIMIT 50
                    """),
            },
        };

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var estimated = new List<string>();
        var running = new List<JobSummaryDto>();
        var failures = new List<JobSummaryDto>();
        var perMinute = new int[query.Minutes];
        long queued = 0;
        var workers = new List<WorkerActivityDto>();
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var status = reader.GetString(0).ToLowerInvariant();
                var exact = reader.GetInt64(1);
                if (exact <= DashboardDto.ExactCountLimit)
                {
                    counts[status] = exact;
                    continue;
                }

                counts[status] = reader.IsDBNull(2) ? exact : Math.Max(exact, reader.GetInt64(2));
                estimated.Add(status);
            }

            await reader.NextResultAsync(cancellationToken);
            await ReadJobsAsync(reader, running, cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            await ReadJobsAsync(reader, failures, cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var minutesAgo = reader.GetInt32(0);
                if (minutesAgo >= 0 && minutesAgo < perMinute.Length)
                {
                    perMinute[perMinute.Length - 1 - minutesAgo] = reader.GetInt32(1);
                }
            }

            await reader.NextResultAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                queued = reader.GetInt64(0);
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                workers.Add(new WorkerActivityDto(reader.GetString(0), reader.GetInt32(1), reader.GetFieldValue<DateTimeOffset>(2)));
            }
        }

        var progress = await ReadRunningProgressAsync(connection, running, cancellationToken);
        return new DashboardDto(counts, estimated, progress, failures, perMinute, queued, workers);
    }

    private static async Task ReadJobsAsync(NpgsqlDataReader reader, List<JobSummaryDto> into, CancellationToken cancellationToken)
    {
        while (await reader.ReadAsync(cancellationToken))
        {
            into.Add(JobListReader.ReadSummary(reader));
        }
    }

    private static async Task<IReadOnlyList<RunningJobDto>> ReadRunningProgressAsync(
        NpgsqlConnection connection, List<JobSummaryDto> running, CancellationToken cancellationToken)
    {
        if (running.Count == 0)
        {
            return [];
        }

        await using var command = new NpgsqlCommand(
            "SELECT job_id, status, count(*)::int FROM dagmaster.job_nodes WHERE job_id = ANY($1) GROUP BY job_id, status",
            connection)
        {
            Parameters = { new NpgsqlParameter { Value = running.Select(j => j.JobId).ToArray() } },
        };
        var counts = new Dictionary<(Guid, string), int>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                counts[(reader.GetGuid(0), reader.GetString(1))] = reader.GetInt32(2);
            }
        }

        return running.Select(job =>
        {
            int Count(string status) => counts.GetValueOrDefault((job.JobId, status));
            var total = counts.Where(c => c.Key.Item1 == job.JobId).Sum(c => c.Value);
            return new RunningJobDto(job, total, Count("Completed") + Count("Skipped"), Count("Failed"));
        }).ToList();
    }
}

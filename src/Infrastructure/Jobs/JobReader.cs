using System.Collections.Concurrent;
using DagMaster.Application.Jobs.GetJob;
using DagMaster.Domain.Jobs;
using DagMaster.Infrastructure.Persistence;
using DagMaster.Infrastructure.Persistence.Repositories;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DagMaster.Infrastructure.Jobs;

/// <summary>
/// Reads a job row straight into the aggregate, untracked, on the unit of work's connection. Inputs that
/// <see cref="JobInputsCache"/> holds are left out of the row and filled in from memory (the same string each
/// time, so its parsed form is kept too); inputs read are remembered.
/// </summary>
internal sealed class JobReader(DagMasterDbContext db, JobInputsCache inputsCache) : IJobReader
{
    private static readonly ConcurrentDictionary<bool, string> s_sql = new();
    private static Action<Job, string>? s_setInputs;

    public async Task<Job?> FindAsync(JobId id, CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(Job))!;
        var known = inputsCache.TryGet(id.Value, out var knownInputs);
        var sql = s_sql.GetOrAdd(known, skip =>
            $"SELECT {JobRowSql.Columns(entity, c => skip ? $"{JobRowSql.InputsStandIn} AS {c}" : c)} FROM {JobRowSql.Table(entity)} WHERE id = @id");

        List<Job> rows;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection());
            command.Parameters.Add(new NpgsqlParameter("id", id.Value));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            rows = await RowReader<Job>.For(entity).ReadAsync(reader, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        if (rows.Count == 0)
        {
            return null;
        }

        var job = rows[0];
        if (known)
        {
            (s_setInputs ??= RowReader<Job>.Assigner<string>(entity.FindProperty(nameof(Job.InputsJson))!))(job, knownInputs);
        }
        else
        {
            inputsCache.Remember(id.Value, job.InputsJson);
        }

        return job;
    }
}

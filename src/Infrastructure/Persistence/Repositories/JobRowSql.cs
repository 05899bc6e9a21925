using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DagMaster.Infrastructure.Persistence.Repositories;

/// <summary>
/// SQL that reads job rows into <see cref="RowReader{T}"/>: every mapped column of the jobs table by name, with the
/// inputs column left out (a stand-in value) where this instance holds the inputs already (<see cref="JobInputsCache"/>).
/// </summary>
internal static class JobRowSql
{
    /// <summary>What a read that leaves the inputs out answers in their place.</summary>
    public const string InputsStandIn = "'0'::jsonb";

    public static string Table(IEntityType job) => $"{job.GetSchema()}.{job.GetTableName()}";

    /// <summary>The column list, the inputs column as <paramref name="inputs"/> writes it (given its name).</summary>
    public static string Columns(IEntityType job, Func<string, string> inputs)
    {
        var table = StoreObjectIdentifier.Table(job.GetTableName()!, job.GetSchema());
        var inputsColumn = job.FindProperty(nameof(Domain.Jobs.Job.InputsJson))!.GetColumnName(table)!;
        return string.Join(", ", job.GetProperties()
            .Select(p => p.GetColumnName(table)!)
            .Select(c => c == inputsColumn ? inputs(c) : c));
    }
}

using Npgsql;
using NpgsqlTypes;

namespace DagMaster.Infrastructure.Persistence;

/// <summary>Builds the statements of a commit batch: one statement per kind of row, its values as unnest()able arrays.</summary>
internal static class BatchStatements
{
    public static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    public static NpgsqlParameter Array<T>(string name, NpgsqlDbType type, IEnumerable<T> values) =>
        new(name, NpgsqlDbType.Array | type) { Value = values.ToArray() };
}

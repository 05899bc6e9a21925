using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace DagMaster.Infrastructure.Persistence;

/// <summary>
/// Set-based statements over rows of one entity type: one INSERT over unnest()ed column arrays for new rows (new
/// jobs, nodes, children), and for the tracked rows a unit of work changed one UPDATE … FROM unnest() per set of
/// changed columns, after which they count as unchanged so SaveChanges leaves them alone. EF Core would send a
/// statement per row and build each one; on the step path (jobs and their nodes) that cost more CPU than everything
/// else a step does. Columns, types and value conversions come from the EF model, so the mapping stays in one place.
/// </summary>
internal static class TrackedRowWrites
{
    private static readonly ConcurrentDictionary<IEntityType, RowShape> s_shapes = new();

    public static void AddTo(NpgsqlBatch batch, IEnumerable<EntityEntry> entries)
    {
        var modified = entries.Where(e => e.State == EntityState.Modified).ToList();
        foreach (var group in modified.GroupBy(ChangedColumns))
        {
            var rows = group.ToList();
            batch.BatchCommands.Add(ShapeOf(rows[0].Metadata).Update(rows.Select(e => e.Entity).ToList(), group.Key));
        }

        foreach (var entry in modified)
        {
            Accept(entry);
        }
    }

    /// <summary>The changed columns of a row as a key ("0,4,7"): rows changed alike share one UPDATE.</summary>
    private static string ChangedColumns(EntityEntry entry) =>
        string.Join(',', ShapeOf(entry.Metadata).Columns.Select((c, i) => (c, i)).Where(x => entry.Property(x.c.Property).IsModified).Select(x => x.i));

    /// <summary>The row is written: what it holds now is what the database holds.</summary>
    private static void Accept(EntityEntry entry)
    {
        foreach (var property in entry.Properties)
        {
            property.OriginalValue = property.CurrentValue;
        }

        entry.State = EntityState.Unchanged;
    }

    public static RowShape ShapeOf(IEntityType type) => s_shapes.GetOrAdd(type, t => new RowShape(t));

    /// <summary>
    /// An entity type's table: its columns, and set-based INSERT, UPDATE and DELETE statements over rows of it. Their
    /// texts are built once per shape (an UPDATE once per set of changed columns), not at every unit of work.
    /// </summary>
    public sealed class RowShape
    {
        private static readonly string[] s_names = Enumerable.Range(0, 64).Select(i => $"c{i}").ToArray();
        private readonly string _table;
        private readonly Statement _insert;
        private readonly Statement _delete;
        private readonly ConcurrentDictionary<(string Changed, bool Lone), Statement> _updates = new();

        public RowShape(IEntityType type)
        {
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            _table = $"{Quote(type.GetSchema()!)}.{Quote(type.GetTableName()!)}";
            Columns = type.GetProperties().Select(p => new Column(p, p.GetColumnName(table)!)).ToList();
            Key = type.FindPrimaryKey()!.Properties.Select(p => Columns.Single(c => c.Property == p)).ToList();
            _insert = new Statement(
                $"INSERT INTO {_table} ({string.Join(", ", Columns.Select(c => Quote(c.Name)))}) " +
                $"SELECT * FROM unnest({string.Join(", ", Columns.Select((_, i) => "@" + Name(i)))})",
                Columns);
            _delete = new Statement(
                $"DELETE FROM {_table} AS t USING unnest({string.Join(", ", Key.Select((_, i) => "@" + Name(i)))}) " +
                $"AS v({string.Join(", ", Key.Select(c => Quote(c.Name)))}) WHERE {KeyMatch}",
                Key);
        }

        public IReadOnlyList<Column> Columns { get; }

        private IReadOnlyList<Column> Key { get; }

        private string KeyMatch => string.Join(" AND ", Key.Select(c => $"t.{Quote(c.Name)} = v.{Quote(c.Name)}"));

        public NpgsqlBatchCommand Insert(IReadOnlyList<object> rows) => Command(_insert, rows, lone: false);

        /// <summary>
        /// One UPDATE of <paramref name="changedColumns"/> (column indexes joined by ',') for every row. A lone row (a
        /// step's job, most often its nodes too) is updated by its key with a value per column: PostgreSQL plans the
        /// join over unnest()ed arrays at every call, which cost more than executing it.
        /// </summary>
        public NpgsqlBatchCommand Update(IReadOnlyList<object> rows, string changedColumns)
        {
            var lone = rows.Count == 1;
            return Command(_updates.GetOrAdd((changedColumns, lone), UpdateOf), rows, lone);
        }

        /// <summary>One DELETE of every row, by primary key.</summary>
        public NpgsqlBatchCommand Delete(IReadOnlyList<object> rows) => Command(_delete, rows, lone: false);

        private Statement UpdateOf((string Changed, bool Lone) key)
        {
            var changed = key.Changed.Split(',').Select(i => Columns[int.Parse(i, System.Globalization.CultureInfo.InvariantCulture)]).ToList();
            var all = Key.Concat(changed).ToList();
            var sql = key.Lone
                ? $"UPDATE {_table} SET {string.Join(", ", changed.Select((c, i) => $"{Quote(c.Name)} = @{Name(Key.Count + i)}"))} " +
                  $"WHERE {string.Join(" AND ", Key.Select((c, i) => $"{Quote(c.Name)} = @{Name(i)}"))}"
                : $"UPDATE {_table} AS t SET {string.Join(", ", changed.Select(c => $"{Quote(c.Name)} = v.{Quote(c.Name)}"))} " +
                  $"FROM unnest({string.Join(", ", all.Select((_, i) => "@" + Name(i)))}) AS v({string.Join(", ", all.Select(c => Quote(c.Name)))}) " +
                  $"WHERE {KeyMatch}";
            return new Statement(sql, all);
        }

        /// <summary>The statement with its parameters: a value per column for a lone row, else an array per column.</summary>
        private static NpgsqlBatchCommand Command(Statement statement, IReadOnlyList<object> rows, bool lone)
        {
            var command = new NpgsqlBatchCommand(statement.Sql);
            for (var i = 0; i < statement.Columns.Count; i++)
            {
                var column = statement.Columns[i];
                command.Parameters.Add(lone ? column.ValueParameter(Name(i), rows[0]) : column.Parameter(Name(i), rows));
            }

            return command;
        }

        private static string Name(int index) => index < s_names.Length ? s_names[index] : $"c{index}";

        private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

        private sealed record Statement(string Sql, IReadOnlyList<Column> Columns);
    }

    /// <summary>A mapped column: its values for many rows become one typed array parameter.</summary>
    public sealed class Column
    {
        private readonly IClrPropertyGetter _getter;
        private readonly ValueConverter? _converter;
        private readonly Type _elementType;
        private readonly string _arrayType;
        private readonly string _type;

        public Column(IProperty property, string name)
        {
            Property = property;
            Name = name;
            _getter = property.GetGetter();
            var mapping = property.GetRelationalTypeMapping();
            _converter = mapping.Converter;
            var provider = _converter?.ProviderClrType ?? mapping.ClrType;
            provider = Nullable.GetUnderlyingType(provider) ?? provider;
            _elementType = provider.IsValueType && property.IsNullable ? typeof(Nullable<>).MakeGenericType(provider) : provider;
            _type = mapping.StoreTypeNameBase;
            _arrayType = _type + "[]";
        }

        public IProperty Property { get; }

        public string Name { get; }

        /// <summary>The row's value of this column as the entity holds it (before conversion).</summary>
        public object? ValueOf(object row) => _getter.GetClrValue(row);

        public NpgsqlParameter Parameter(string name, IReadOnlyList<object> rows)
        {
            var values = Array.CreateInstance(_elementType, rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                var value = ValueOf(rows[i]);
                values.SetValue(value is null || _converter is null ? value : _converter.ConvertToProvider(value), i);
            }

            return new NpgsqlParameter(name, values) { DataTypeName = _arrayType };
        }

        /// <summary>One row's value of this column as a parameter of the column's type.</summary>
        public NpgsqlParameter ValueParameter(string name, object row)
        {
            var value = ValueOf(row);
            var stored = value is null || _converter is null ? value : _converter.ConvertToProvider(value);
            return new NpgsqlParameter(name, stored ?? DBNull.Value) { DataTypeName = _type };
        }
    }
}

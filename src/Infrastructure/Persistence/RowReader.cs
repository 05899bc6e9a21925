using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace DagMaster.Infrastructure.Persistence;

/// <summary>
/// Reads rows of an entity type from a data reader into new instances, untracked: each mapped column is read as
/// its stored type and converted as the EF model says, by a compiled setter per column. A step reads its job and
/// a few hundred nodes this way in one round trip; EF's materialisation of the same rows cost more than the
/// statements themselves. Columns, types and conversions come from the model, so the mapping stays in one place
/// (<see cref="TrackedRowWrites"/> writes with the same model).
/// </summary>
internal sealed class RowReader<T>
    where T : class
{
    private static readonly ConcurrentDictionary<IEntityType, RowReader<T>> s_readers = new();

    private readonly Func<T> _create;
    private readonly (string Name, Action<T, NpgsqlDataReader, int> Set)[] _columns;

    private RowReader(IEntityType type)
    {
        _create = Expression.Lambda<Func<T>>(Expression.New(typeof(T).GetConstructor(
            System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public,
            Type.EmptyTypes) ?? throw new InvalidOperationException($"{typeof(T).Name} has no parameterless constructor"))).Compile();
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        _columns = [.. type.GetProperties().Select(p => (p.GetColumnName(table)!, Setter(p)))];
    }

    public static RowReader<T> For(IEntityType type) => s_readers.GetOrAdd(type, t => new RowReader<T>(t));

    /// <summary>Every row of the reader's current result set, by column name.</summary>
    public async Task<List<T>> ReadAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var ordinals = new int[_columns.Length];
        for (var i = 0; i < ordinals.Length; i++)
        {
            ordinals[i] = reader.GetOrdinal(_columns[i].Name);
        }

        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = _create();
            for (var i = 0; i < ordinals.Length; i++)
            {
                _columns[i].Set(row, reader, ordinals[i]);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>(row, reader, ordinal) => row.member = convert(reader.GetFieldValue&lt;stored&gt;(ordinal)), or default when NULL.</summary>
    private static Action<T, NpgsqlDataReader, int> Setter(IProperty property)
    {
        var row = Expression.Parameter(typeof(T), "row");
        var reader = Expression.Parameter(typeof(NpgsqlDataReader), "reader");
        var ordinal = Expression.Parameter(typeof(int), "ordinal");

        var mapping = property.GetRelationalTypeMapping();
        var converter = mapping.Converter;
        var stored = converter?.ProviderClrType ?? mapping.ClrType;
        stored = Nullable.GetUnderlyingType(stored) ?? stored;
        Expression value = Expression.Call(reader, nameof(NpgsqlDataReader.GetFieldValue), [stored], ordinal);
        if (converter is not null)
        {
            var fromStored = converter.ConvertFromProviderExpression;
            value = Expression.Invoke(fromStored, Expression.Convert(value, fromStored.Parameters[0].Type));
        }

        var modelType = property.ClrType;
        value = Expression.Convert(value, modelType);
        if (property.IsNullable)
        {
            value = Expression.Condition(
                Expression.Call(reader, nameof(NpgsqlDataReader.IsDBNull), Type.EmptyTypes, ordinal),
                Expression.Default(modelType),
                value);
        }

        return Expression.Lambda<Action<T, NpgsqlDataReader, int>>(Expression.Assign(Member(row, property), value), row, reader, ordinal).Compile();
    }

    /// <summary>(row, value) => row.member = value: fills in a column that a read left out.</summary>
    public static Action<T, TValue> Assigner<TValue>(IProperty property)
    {
        var row = Expression.Parameter(typeof(T), "row");
        var value = Expression.Parameter(typeof(TValue), "value");
        return Expression.Lambda<Action<T, TValue>>(
            Expression.Assign(Member(row, property), Expression.Convert(value, property.ClrType)), row, value).Compile();
    }

    /// <summary>The backing field where the model uses one (as EF materialises), else the property's own setter.</summary>
    private static Expression Member(Expression row, IProperty property) => property.FieldInfo is { } field
        ? Expression.Field(row, field)
        : Expression.Property(row, property.PropertyInfo!);
}

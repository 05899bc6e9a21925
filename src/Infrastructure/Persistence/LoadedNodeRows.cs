using DagMaster.Domain.Jobs;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DagMaster.Infrastructure.Persistence;

/// <summary>
/// The node states a unit of work read for its jobs, and what it does to them: a node is read without EF's change
/// tracker, its column values are kept, and at commit the nodes whose values changed are written by one UPDATE
/// per set of changed columns, the nodes a job dropped are deleted and a new job's nodes inserted. Comparing a
/// few hundred plain values costs microseconds; EF tracking the same nodes cost more than the step itself.
/// </summary>
internal sealed class LoadedNodeRows
{
    private readonly Dictionary<JobNode, object?[]> _loaded = new(ReferenceEqualityComparer.Instance);
    private TrackedRowWrites.RowShape? _shape;

    public void Clear() => _loaded.Clear();

    /// <summary>Gives <paramref name="job"/> the nodes read for it and remembers their values as stored.</summary>
    public void Attach(DbContext db, Job job, IReadOnlyList<JobNode> nodes)
    {
        var shape = ShapeOf(db);
        foreach (var node in job.AddLoadedNodes(nodes))
        {
            _loaded[node] = Values(shape, node);
        }
    }

    /// <summary>
    /// Adds the statements for what changed in <paramref name="jobs"/> (each with whether it is new, so not stored
    /// yet) to <paramref name="batch"/>: new jobs' nodes, changed and dropped nodes of
    /// the loaded ones. Afterwards the written values count as stored.
    /// </summary>
    public void AddTo(DbContext db, NpgsqlBatch batch, IEnumerable<(Job Job, bool IsNew)> jobs)
    {
        var shape = ShapeOf(db);
        var added = new List<object>();
        var current = new HashSet<JobNode>(ReferenceEqualityComparer.Instance);
        foreach (var (job, isNew) in jobs)
        {
            foreach (var node in job.Nodes)
            {
                current.Add(node);
                if (isNew && !_loaded.ContainsKey(node))
                {
                    added.Add(node);
                }
            }
        }

        var dropped = new List<object>();
        var changed = new Dictionary<string, List<object>>(StringComparer.Ordinal);
        foreach (var (node, stored) in _loaded)
        {
            if (!current.Contains(node))
            {
                dropped.Add(node);
                continue;
            }

            if (ChangedColumns(shape, node, stored) is { } columns)
            {
                if (!changed.TryGetValue(columns, out var rows))
                {
                    rows = [];
                    changed[columns] = rows;
                }

                rows.Add(node);
            }
        }

        if (dropped.Count > 0)
        {
            batch.BatchCommands.Add(shape.Delete(dropped));
        }

        if (added.Count > 0)
        {
            batch.BatchCommands.Add(shape.Insert(added));
        }

        foreach (var (columns, rows) in changed)
        {
            batch.BatchCommands.Add(shape.Update(rows, columns));
        }

        foreach (var node in dropped)
        {
            _loaded.Remove((JobNode)node);
        }

        foreach (var node in added.Concat(changed.Values.SelectMany(r => r)))
        {
            _loaded[(JobNode)node] = Values(shape, node);
        }
    }

    /// <summary>The indexes of the columns whose value differs from the stored one, joined by ','; null when none does.</summary>
    private static string? ChangedColumns(TrackedRowWrites.RowShape shape, JobNode node, object?[] stored)
    {
        string? columns = null;
        for (var i = 0; i < stored.Length; i++)
        {
            if (!Equals(shape.Columns[i].ValueOf(node), stored[i]))
            {
                columns = columns is null ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{columns},{i}";
            }
        }

        return columns;
    }

    private static object?[] Values(TrackedRowWrites.RowShape shape, object node)
    {
        var values = new object?[shape.Columns.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = shape.Columns[i].ValueOf(node);
        }

        return values;
    }

    private TrackedRowWrites.RowShape ShapeOf(DbContext db) =>
        _shape ??= TrackedRowWrites.ShapeOf(db.Model.FindEntityType(typeof(JobNode))!);
}

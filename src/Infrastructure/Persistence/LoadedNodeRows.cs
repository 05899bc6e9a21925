using System.Linq.Expressions;
using System.Reflection;
using DagMaster.Domain.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace DagMaster.Infrastructure.Persistence;

/// <summary>
/// The node states a unit of work read for its jobs, and what it does to them: a node is read without EF's change
/// tracker and a shallow copy of it is kept as stored; at commit the nodes whose mapped values differ from their
/// copy are written by one UPDATE per set of changed columns, the nodes a job dropped are deleted and a new job's
/// nodes inserted. A copy per node and one typed comparison per column cost microseconds for a few hundred nodes;
/// EF tracking the same nodes cost more than the step itself, and a boxed value per column and node a tenth of it.
/// </summary>
internal sealed class LoadedNodeRows
{
    private readonly Dictionary<Job, List<Loaded>> _loaded = new(ReferenceEqualityComparer.Instance);
    private NodeColumns? _columns;

    public void Clear() => _loaded.Clear();

    /// <summary>Gives <paramref name="job"/> the nodes read for it and remembers them as stored.</summary>
    public void Attach(DbContext db, Job job, IReadOnlyList<JobNode> nodes)
    {
        var columns = ColumnsOf(db);
        var loaded = LoadedOf(job);
        foreach (var node in job.AddLoadedNodes(nodes))
        {
            loaded.Add(new Loaded(node, columns.Copy(node)));
        }
    }

    /// <summary>
    /// Adds the statements for what changed in <paramref name="jobs"/> (each with whether it is new, so not stored
    /// yet) to <paramref name="batch"/>: new jobs' nodes, changed and dropped nodes of the loaded ones. Afterwards
    /// the written values count as stored.
    /// </summary>
    public void AddTo(DbContext db, NpgsqlBatch batch, IEnumerable<(Job Job, bool IsNew)> jobs)
    {
        var columns = ColumnsOf(db);
        var added = new List<object>();
        var dropped = new List<object>();
        var changed = new Dictionary<string, List<object>>(StringComparer.Ordinal);
        foreach (var (job, isNew) in jobs)
        {
            var loaded = LoadedOf(job);
            if (isNew)
            {
                // A new job's nodes are not stored yet (none of them was read): they are inserted.
                var stored = loaded.Select(l => l.Node).ToHashSet(ReferenceEqualityComparer.Instance);
                foreach (var node in job.Nodes.Where(n => !stored.Contains(n)))
                {
                    added.Add(node);
                    loaded.Add(new Loaded(node, columns.Copy(node)));
                }
            }

            for (var i = loaded.Count - 1; i >= 0; i--)
            {
                var (node, stored) = loaded[i];
                if (!ReferenceEquals(job.FindNode(node.NodeId), node))
                {
                    dropped.Add(node);
                    loaded.RemoveAt(i);
                }
                else if (columns.Changed(node, stored) is { } key)
                {
                    if (!changed.TryGetValue(key, out var rows))
                    {
                        rows = [];
                        changed[key] = rows;
                    }

                    rows.Add(node);
                    loaded[i] = new Loaded(node, columns.Copy(node));
                }
            }
        }

        if (dropped.Count > 0)
        {
            batch.BatchCommands.Add(columns.Shape.Delete(dropped));
        }

        if (added.Count > 0)
        {
            batch.BatchCommands.Add(columns.Shape.Insert(added));
        }

        foreach (var (key, rows) in changed)
        {
            batch.BatchCommands.Add(columns.Shape.Update(rows, key));
        }
    }

    private List<Loaded> LoadedOf(Job job)
    {
        if (!_loaded.TryGetValue(job, out var loaded))
        {
            loaded = [];
            _loaded[job] = loaded;
        }

        return loaded;
    }

    private NodeColumns ColumnsOf(DbContext db) =>
        _columns ??= NodeColumns.Of(TrackedRowWrites.ShapeOf(db.Model.FindEntityType(typeof(JobNode))!));

    /// <summary>A node as the job holds it, and its copy as stored.</summary>
    private readonly record struct Loaded(JobNode Node, JobNode Stored);

    /// <summary>The node table's columns: copying a node, and which mapped values differ between two nodes.</summary>
    private sealed class NodeColumns
    {
        private static readonly Func<object, object> s_copy = typeof(object)
            .GetMethod(nameof(MemberwiseClone), BindingFlags.Instance | BindingFlags.NonPublic)!
            .CreateDelegate<Func<object, object>>();

        private static NodeColumns? s_columns;

        private readonly Func<JobNode, JobNode, bool>[] _same;

        private NodeColumns(TrackedRowWrites.RowShape shape)
        {
            Shape = shape;
            _same = [.. shape.Columns.Select(c => Same(c.Property))];
        }

        public TrackedRowWrites.RowShape Shape { get; }

        public static NodeColumns Of(TrackedRowWrites.RowShape shape) =>
            s_columns is { } columns && columns.Shape == shape ? columns : s_columns = new NodeColumns(shape);

        /// <summary>A shallow copy: every mapped value of a node is immutable (strings, numbers, times, ids).</summary>
        public JobNode Copy(JobNode node) => (JobNode)s_copy(node);

        /// <summary>The indexes of the columns whose value differs from the stored one, joined by ','; null when none does.</summary>
        public string? Changed(JobNode node, JobNode stored)
        {
            string? key = null;
            for (var i = 0; i < _same.Length; i++)
            {
                if (!_same[i](node, stored))
                {
                    key = key is null ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{key},{i}";
                }
            }

            return key;
        }

        /// <summary>(a, b) => EqualityComparer&lt;T&gt;.Default.Equals(a.member, b.member), on the member EF maps.</summary>
        private static Func<JobNode, JobNode, bool> Same(IProperty property)
        {
            var a = Expression.Parameter(typeof(JobNode), "a");
            var b = Expression.Parameter(typeof(JobNode), "b");
            Expression Member(Expression node) => property.FieldInfo is { } field
                ? Expression.Field(node, field)
                : Expression.Property(node, property.PropertyInfo!);
            var comparer = typeof(EqualityComparer<>).MakeGenericType(property.ClrType);
            var equals = Expression.Call(
                Expression.Property(null, comparer.GetProperty(nameof(EqualityComparer<object>.Default))!),
                comparer.GetMethod(nameof(Equals), [property.ClrType, property.ClrType])!,
                Member(a),
                Member(b));
            return Expression.Lambda<Func<JobNode, JobNode, bool>>(equals, a, b).Compile();
        }
    }
}

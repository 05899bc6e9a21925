namespace DagMaster.Domain.Workflows;

/// <summary>
/// Answers "is this node an ancestor of that one" with memory linear in the graph. A direct dependency is
/// answered at once; otherwise the ancestors of one node at a time are marked by a walk along its dependencies
/// (stamped with the node, so nothing is cleared or kept per node). One ancestor set per node would hold n²/2
/// entries on a chain of n nodes.
/// </summary>
internal sealed class AncestorIndex
{
    private readonly Dictionary<string, int> _positions;
    private readonly int[] _firstDependency;
    private readonly int[] _dependencies;
    private readonly int[] _marks;
    private readonly Stack<int> _stack = new();
    private int _markedFor = -1;

    public AncestorIndex(IReadOnlyList<NodeDefinition> order)
    {
        _positions = new Dictionary<string, int>(order.Count, StringComparer.Ordinal);
        for (var i = 0; i < order.Count; i++)
        {
            _positions[order[i].Id] = i;
        }

        // Dependencies as positions, all in one array: node i's are _dependencies[_firstDependency[i].._firstDependency[i + 1]].
        _firstDependency = new int[order.Count + 1];
        var dependencies = new List<int>();
        for (var i = 0; i < order.Count; i++)
        {
            _firstDependency[i] = dependencies.Count;
            foreach (var dependency in order[i].AllOf.Concat(order[i].AnyOf))
            {
                if (_positions.TryGetValue(dependency, out var position))
                {
                    dependencies.Add(position);
                }
            }
        }

        _firstDependency[order.Count] = dependencies.Count;
        _dependencies = [.. dependencies];
        _marks = new int[order.Count];
    }

    public bool IsAncestor(string candidate, string of)
    {
        if (!_positions.TryGetValue(of, out var node) || !_positions.TryGetValue(candidate, out var position) || position >= node)
        {
            return false; // an ancestor always comes earlier in topological order
        }

        if (Dependencies(node).Contains(position))
        {
            return true;
        }

        if (_markedFor != node)
        {
            Mark(node);
        }

        return _marks[position] == node + 1;
    }

    private ReadOnlySpan<int> Dependencies(int node) => _dependencies.AsSpan(_firstDependency[node], _firstDependency[node + 1] - _firstDependency[node]);

    private void Mark(int node)
    {
        _markedFor = node;
        var stamp = node + 1;
        _stack.Push(node);
        while (_stack.TryPop(out var current))
        {
            foreach (var dependency in Dependencies(current))
            {
                if (_marks[dependency] != stamp)
                {
                    _marks[dependency] = stamp;
                    _stack.Push(dependency);
                }
            }
        }
    }
}

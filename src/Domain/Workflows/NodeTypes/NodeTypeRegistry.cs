using System.Diagnostics.CodeAnalysis;

namespace DagMaster.Domain.Workflows.NodeTypes;

/// <summary>
/// The descriptor of every node type, looked up by <see cref="NodeType"/> (an array index) or by its name in the
/// workflow format. A new node type is a <see cref="NodeType"/> value, a descriptor, and a line here.
/// </summary>
public static class NodeTypeRegistry
{
    private static readonly NodeTypeDescriptor?[] s_byType = ByType(
        new StartNodeType(),
        new EndNodeType(),
        new TaskNodeType(),
        new ConditionalNodeType(),
        new FanOutNodeType(),
        new FanInNodeType());

    private static readonly NodeTypeDescriptor[] s_all = [.. s_byType.OfType<NodeTypeDescriptor>()];

    /// <summary>The keys every node takes, whatever its type (the list form adds <c>id</c>).</summary>
    public static IReadOnlyList<string> CommonKeys { get; } = ["type", "description", "next", "depends_on"];

    /// <summary>The type of a node that names none.</summary>
    public static NodeTypeDescriptor Default => Of(NodeType.Task);

    /// <summary>Every descriptor, in the order of <see cref="NodeType"/>.</summary>
    public static IReadOnlyList<NodeTypeDescriptor> All => s_all;

    /// <summary>Every key a node may have: the common keys, then each type's own, each once.</summary>
    public static IReadOnlyList<string> NodeKeys { get; } = [.. CommonKeys.Concat(s_all.SelectMany(d => d.Keys)).Distinct(StringComparer.Ordinal)];

    /// <summary>The type names as an error message lists them: <c>start, end, …, fan_out or fan_in</c>.</summary>
    public static string NameList { get; } = $"{string.Join(", ", s_all.SkipLast(1).Select(d => d.Name))} or {s_all[^1].Name}";

    /// <summary>The descriptor of <paramref name="type"/>; a value without one is a programming error and throws.</summary>
    public static NodeTypeDescriptor Of(NodeType type) =>
        (uint)type < (uint)s_byType.Length && s_byType[(int)type] is { } descriptor
            ? descriptor
            : throw new InvalidOperationException($"node type {type} has no descriptor in {nameof(NodeTypeRegistry)}");

    /// <summary>The descriptor named <paramref name="name"/> in the workflow format (<c>fan_out</c>, …), if any.</summary>
    public static bool TryGet(string name, [NotNullWhen(true)] out NodeTypeDescriptor? descriptor)
    {
        descriptor = s_all.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.Ordinal));
        return descriptor is not null;
    }

    /// <summary>
    /// The keys a nested mapping under <paramref name="key"/> may have, over every type that takes one (a fan-out's
    /// <c>task</c>, a <c>retry</c>, a branch of the list form), each once.
    /// </summary>
    public static IReadOnlyList<string> NestedKeys(string key) =>
        [.. s_all.SelectMany(d => d.NestedKeys.TryGetValue(key, out var keys) ? keys : []).Distinct(StringComparer.Ordinal)];

    private static NodeTypeDescriptor?[] ByType(params NodeTypeDescriptor[] descriptors)
    {
        var byType = new NodeTypeDescriptor?[descriptors.Max(d => (int)d.Type) + 1];
        foreach (var descriptor in descriptors)
        {
            if (byType[(int)descriptor.Type] is { } other)
            {
                throw new InvalidOperationException($"node type {descriptor.Type} has two descriptors, {other.GetType().Name} and {descriptor.GetType().Name}");
            }

            byType[(int)descriptor.Type] = descriptor;
        }

        return byType;
    }
}

using DagMaster.Domain.Workflows.Drafts;

namespace DagMaster.Domain.Workflows.NodeTypes;

/// <summary>
/// Everything DagMaster knows about one node type, in one place: its name in the workflow format, the keys it
/// takes and needs, how a node of it is built and checked from its draft, which of its keys hold templates, and
/// the step the engine takes when such a node is ready. <see cref="NodeTypeRegistry"/> holds one per <see cref="NodeType"/>.
/// </summary>
public abstract class NodeTypeDescriptor
{
    private protected NodeTypeDescriptor(
        NodeType type,
        string name,
        IReadOnlyList<string> keys,
        IReadOnlyList<string> requiredKeys,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? nestedKeys = null)
    {
        Type = type;
        Name = name;
        Keys = keys;
        RequiredKeys = requiredKeys;
        NestedKeys = nestedKeys ?? new Dictionary<string, IReadOnlyList<string>>();
    }

    public NodeType Type { get; }

    /// <summary>The type as the workflow format spells it (<c>fan_out</c>, <c>task</c>, …).</summary>
    public string Name { get; }

    /// <summary>The keys this type takes beyond <see cref="NodeTypeRegistry.CommonKeys"/>, which every node takes.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>
    /// The keys a node of this type cannot do without. <see cref="Build"/> reports a node that lacks one as
    /// <c>&lt;type&gt;.&lt;key&gt;.required</c>; keys needed in one form of the type only are not listed.
    /// </summary>
    public IReadOnlyList<string> RequiredKeys { get; }

    /// <summary>The keys of the mappings nested under this type's own keys (a fan-out's <c>task</c>, a <c>retry</c>), by key.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> NestedKeys { get; }

    /// <summary>True when a node of this type creates child nodes at run time.</summary>
    public virtual bool HasChildren => false;

    /// <summary>
    /// True when a node of this type completes by taking one of its branches: the targets of the other branches
    /// see it as skipped.
    /// </summary>
    public virtual bool TakesOneBranch => false;

    /// <summary>True when a node of this type may have <paramref name="key"/>, whether every node takes it or this type does.</summary>
    public bool Allows(string key) => NodeTypeRegistry.CommonKeys.Contains(key) || Keys.Contains(key);

    /// <summary>
    /// Checks the draft's type-specific keys and fills in the definition's type-specific properties, adding every
    /// broken rule to <paramref name="errors"/>. Keys that do not apply to the type are checked before, for all types.
    /// </summary>
    internal abstract void Build(NodeDraft draft, NodeDefinition definition, List<WorkflowError> errors);

    /// <summary>Checks the templates among this type's keys against what will exist when they are rendered.</summary>
    internal virtual void CheckTemplates(TemplateCheck check, NodeDefinition node, NodeDraft draft)
    {
    }

    /// <summary>Runs a ready node: the orchestrator completes it itself, or hands it to workers.</summary>
    /// <returns>True when the job changed.</returns>
    internal abstract bool Execute<TNode>(INodeEngine<TNode> engine, WorkflowDefinition definition, NodeDefinition spec, TNode node, DateTimeOffset now);

    /// <summary>Moves a running node on, for types whose nodes keep working after they start (a fan-out's children).</summary>
    /// <returns>True when the job changed.</returns>
    internal virtual bool Progress<TNode>(INodeEngine<TNode> engine, NodeDefinition spec, TNode node, DateTimeOffset now) => false;
}

namespace DagMaster.Domain.Workflows.Templates.Parsing;

/// <summary>A node of a parsed expression. Nodes are immutable and safe to evaluate concurrently.</summary>
internal abstract class ExpressionNode
{
    /// <summary>Evaluates the node. Returns an <see cref="UndefinedValue"/> for a path that does not exist.</summary>
    public abstract object? Evaluate(TemplateScope scope);

    /// <summary>Adds every variable path this node reads.</summary>
    public abstract void CollectReferences(List<TemplatePath> references);

    /// <summary>Source-like text of the node, used to name paths in error messages.</summary>
    public abstract override string ToString();
}

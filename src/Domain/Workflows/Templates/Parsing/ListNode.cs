namespace DagMaster.Domain.Workflows.Templates.Parsing;

/// <summary>A list literal <c>[a, b, c]</c>. A new list is built on every evaluation.</summary>
internal sealed class ListNode(ExpressionNode[] elements) : ExpressionNode
{
    public override object? Evaluate(TemplateScope scope)
    {
        var list = new List<object?>(elements.Length);
        foreach (var element in elements)
        {
            var value = element.Evaluate(scope);
            if (value is UndefinedValue undefined)
            {
                throw TemplateRuntimeError.Missing(undefined, "in a list literal (use default(...) for optional values)");
            }

            list.Add(value);
        }

        return list;
    }

    public override void CollectReferences(List<TemplatePath> references)
    {
        foreach (var element in elements)
        {
            element.CollectReferences(references);
        }
    }

    public override string ToString() => $"[{string.Join(", ", elements.Select(e => e.ToString()))}]";
}

namespace DagMaster.Domain.Workflows.Templates.Parsing;

/// <summary>Collects the distinct variable paths read by a set of expressions, in order of appearance.</summary>
internal static class ReferenceList
{
    public static TemplatePath[] From(IEnumerable<ExpressionNode> expressions)
    {
        var references = new List<TemplatePath>();
        foreach (var expression in expressions)
        {
            expression.CollectReferences(references);
        }

        return [.. references.Distinct()];
    }
}

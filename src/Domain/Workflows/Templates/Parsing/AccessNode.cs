using System.Text;

namespace DagMaster.Domain.Workflows.Templates.Parsing;

/// <summary>
/// A member/index chain such as <c>nodes.step_one.output["message"]</c>. Member access is key lookup only.
/// Anything that does not exist (missing key, index out of range, access on null or a scalar) is undefined.
/// </summary>
internal sealed class AccessNode : ExpressionNode
{
    private readonly UndefinedValue _undefined;
    private readonly string _display;

    public AccessNode(ExpressionNode target, PathSegment[] segments)
    {
        Target = target;
        Segments = segments;
        var builder = new StringBuilder();
        if (target is VariableNode or AccessNode)
        {
            builder.Append(target);
        }
        else
        {
            builder.Append('(').Append(target).Append(')');
        }

        foreach (var segment in segments)
        {
            segment.AppendTo(builder);
        }

        _display = builder.ToString();
        _undefined = new UndefinedValue(_display);
    }

    public ExpressionNode Target { get; }

    public PathSegment[] Segments { get; }

    public override object? Evaluate(TemplateScope scope)
    {
        var current = Target.Evaluate(scope);
        if (current is UndefinedValue)
        {
            return _undefined;
        }

        foreach (var segment in Segments)
        {
            current = segment.Apply(current, scope);
            if (current is UndefinedValue undefined)
            {
                // When a computed index was itself missing, that index is the path worth naming.
                return undefined.Path is null || segment.IsConstant ? _undefined : undefined;
            }
        }

        return current;
    }

    public override void CollectReferences(List<TemplatePath> references)
    {
        if (Target is VariableNode variable)
        {
            var constantPrefix = Segments.TakeWhile(s => s.IsConstant).Select(s => s.ConstantText);
            references.Add(new TemplatePath(variable.Name, constantPrefix));
        }
        else
        {
            Target.CollectReferences(references);
        }

        foreach (var segment in Segments)
        {
            segment.Expression?.CollectReferences(references);
        }
    }

    public override string ToString() => _display;
}

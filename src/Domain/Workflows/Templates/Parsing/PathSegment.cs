using System.Globalization;
using System.Text;

namespace DagMaster.Domain.Workflows.Templates.Parsing;

/// <summary>One step of a member/index chain: a constant key (<c>.name</c>, <c>["name"]</c>), a constant list index
/// (<c>[0]</c>, <c>[-1]</c>) or an index computed by an expression (<c>[item.key]</c>).</summary>
internal sealed class PathSegment
{
    private PathSegment(string? key, long index, ExpressionNode? expression)
    {
        Key = key;
        Index = index;
        Expression = expression;
    }

    public string? Key { get; }

    public long Index { get; }

    public ExpressionNode? Expression { get; }

    public bool IsConstant => Expression is null;

    /// <summary>The segment as written in a <see cref="TemplatePath"/> (constant segments only).</summary>
    public string ConstantText => Key ?? Index.ToString(CultureInfo.InvariantCulture);

    public static PathSegment ForKey(string key) => new(key, 0, null);

    public static PathSegment ForIndex(long index) => new(null, index, null);

    public static PathSegment ForExpression(ExpressionNode expression) => new(null, 0, expression);

    /// <summary>Applies the segment to <paramref name="target"/>; a missing key or index gives undefined.</summary>
    public object? Apply(object? target, TemplateScope scope)
    {
        if (Key is not null)
        {
            return TemplateValues.GetMember(target, Key);
        }

        if (Expression is null)
        {
            return TemplateValues.GetIndex(target, Index);
        }

        return Expression.Evaluate(scope) switch
        {
            UndefinedValue undefined => undefined,
            string key => TemplateValues.GetMember(target, key),
            long index => TemplateValues.GetIndex(target, index),
            _ => TemplateValues.Undefined,
        };
    }

    public void AppendTo(StringBuilder builder)
    {
        if (Expression is not null)
        {
            builder.Append('[').Append(Expression).Append(']');
        }
        else if (Key is not null)
        {
            TemplatePath.AppendSegment(builder, Key);
        }
        else
        {
            builder.Append('[').Append(Index.ToString(CultureInfo.InvariantCulture)).Append(']');
        }
    }
}

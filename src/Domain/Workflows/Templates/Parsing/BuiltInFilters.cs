using System.Globalization;
using System.Text;

namespace DagMaster.Domain.Workflows.Templates.Parsing;

/// <summary>Implementations of the built-in filters. The input is never undefined except for <c>default</c>.</summary>
internal static class BuiltInFilters
{
    private const NumberStyles IntegerStyle = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign;
    private const NumberStyles FloatStyle = NumberStyles.Float;

    /// <summary><c>default(v)</c> replaces undefined; <c>default(v, true)</c> replaces anything falsy.</summary>
    public static object? Default(object? input, ExpressionNode[] arguments, TemplateScope scope)
    {
        var replaceFalsy = arguments.Length > 1 && TemplateValues.IsTruthy(arguments[1].Evaluate(scope));
        var replace = input is UndefinedValue || (replaceFalsy && !TemplateValues.IsTruthy(input));
        return replace ? arguments[0].Evaluate(scope) : input;
    }

    public static object? Int(object? input, ExpressionNode[] arguments, TemplateScope scope) => input switch
    {
        long l => l,
        double d => Truncate(d, input),
        bool b => b ? 1L : 0L,
        string s when long.TryParse(s, IntegerStyle, CultureInfo.InvariantCulture, out var l) => l,
        string s when double.TryParse(s, FloatStyle, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) => Truncate(d, input),
        _ => throw CannotConvert(input, "an integer", "int"),
    };

    public static object? Float(object? input, ExpressionNode[] arguments, TemplateScope scope) => input switch
    {
        long l => (double)l,
        double d => d,
        bool b => b ? 1.0 : 0.0,
        string s when double.TryParse(s, FloatStyle, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) => d,
        _ => throw CannotConvert(input, "a float", "float"),
    };

    public static object? String(object? input, ExpressionNode[] arguments, TemplateScope scope) => TemplateValues.ToText(input);

    public static object? Lower(object? input, ExpressionNode[] arguments, TemplateScope scope) =>
        input is string s ? s.ToLowerInvariant() : throw NeedsString(input, "lower");

    public static object? Upper(object? input, ExpressionNode[] arguments, TemplateScope scope) =>
        input is string s ? s.ToUpperInvariant() : throw NeedsString(input, "upper");

    public static object? Length(object? input, ExpressionNode[] arguments, TemplateScope scope) => input switch
    {
        string s => (long)CountCodePoints(s),
        IReadOnlyList<object?> list => (long)list.Count,
        IReadOnlyDictionary<string, object?> map => (long)map.Count,
        _ => throw TemplateRuntimeError.Evaluation(
            $"filter 'length' needs a string, list or map, not {TemplateValues.Describe(input)}"),
    };

    public static object? ToJson(object? input, ExpressionNode[] arguments, TemplateScope scope) => TemplateValues.ToJson(input);

    public static object? Join(object? input, ExpressionNode[] arguments, TemplateScope scope)
    {
        if (input is not IReadOnlyList<object?> list)
        {
            throw TemplateRuntimeError.Evaluation($"filter 'join' needs a list, not {TemplateValues.Describe(input)}");
        }

        var separator = arguments.Length > 0 ? TemplateValues.ToText(EvaluateArgument(arguments[0], scope, "join")) : string.Empty;
        var builder = new StringBuilder();
        for (var i = 0; i < list.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(separator);
            }

            builder.Append(TemplateValues.ToText(list[i]));
        }

        return builder.ToString();
    }

    /// <summary><c>round(n)</c>: n decimals (default 0), halves away from zero; always a float.</summary>
    public static object? Round(object? input, ExpressionNode[] arguments, TemplateScope scope)
    {
        var value = input switch
        {
            long l => (double)l,
            double d => d,
            _ => throw TemplateRuntimeError.Evaluation($"filter 'round' needs a number, not {TemplateValues.Describe(input)}"),
        };

        var precision = 0L;
        if (arguments.Length > 0)
        {
            precision = EvaluateArgument(arguments[0], scope, "round") switch
            {
                long l => l,
                var other => throw TemplateRuntimeError.Evaluation(
                    $"filter 'round' needs an integer number of decimals, not {TemplateValues.Describe(other)}"),
            };
        }

        return RoundAwayFromZero(value, precision);
    }

    private static double RoundAwayFromZero(double value, long precision)
    {
        if (!double.IsFinite(value) || precision > 15)
        {
            return value;
        }

        if (precision >= 0)
        {
            return Math.Round(value, (int)precision, MidpointRounding.AwayFromZero);
        }

        if (precision < -308)
        {
            return 0.0 * Math.Sign(value);
        }

        var scale = Math.Pow(10, -precision);
        return Math.Round(value / scale, MidpointRounding.AwayFromZero) * scale;
    }

    private static object? EvaluateArgument(ExpressionNode argument, TemplateScope scope, string filter)
    {
        var value = argument.Evaluate(scope);
        return value is UndefinedValue undefined
            ? throw TemplateRuntimeError.Missing(undefined, $"(argument of filter '{filter}')")
            : value;
    }

    private static long Truncate(double value, object? original)
    {
        var truncated = Math.Truncate(value);
        return double.IsFinite(truncated) && truncated >= -9223372036854775808.0 && truncated < 9223372036854775808.0
            ? (long)truncated
            : throw CannotConvert(original, "an integer", "int");
    }

    private static int CountCodePoints(string s)
    {
        var count = s.Length;
        for (var i = 0; i + 1 < s.Length; i++)
        {
            if (char.IsSurrogatePair(s[i], s[i + 1]))
            {
                count--;
                i++;
            }
        }

        return count;
    }

    private static TemplateRuntimeError CannotConvert(object? input, string target, string filter) =>
        TemplateRuntimeError.Evaluation($"filter '{filter}' cannot convert {TemplateValues.Describe(input)} to {target}");

    private static TemplateRuntimeError NeedsString(object? input, string filter) =>
        TemplateRuntimeError.Evaluation($"filter '{filter}' needs a string, not {TemplateValues.Describe(input)}");
}

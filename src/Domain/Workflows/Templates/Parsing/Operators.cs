namespace DagMaster.Domain.Workflows.Templates.Parsing;

/// <summary>Semantics of the comparison and membership operators.</summary>
internal static class Operators
{
    public static string Symbol(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "==",
        ComparisonOperator.NotEqual => "!=",
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Greater => ">",
        ComparisonOperator.GreaterOrEqual => ">=",
        ComparisonOperator.In => "in",
        _ => "not in",
    };

    public static bool Apply(ComparisonOperator op, object? left, object? right) => op switch
    {
        ComparisonOperator.Equal => AreEqual(left, right),
        ComparisonOperator.NotEqual => !AreEqual(left, right),
        ComparisonOperator.In => Contains(right, left, op),
        ComparisonOperator.NotIn => !Contains(right, left, op),
        _ => Compare(op, left, right),
    };

    /// <summary>
    /// Never fails: numbers compare numerically (1 == 1.0), other types must match, lists and maps compare
    /// structurally, and undefined equals null.
    /// </summary>
    public static bool AreEqual(object? left, object? right)
    {
        left = TemplateValues.Normalize(left);
        right = TemplateValues.Normalize(right);
        switch (left)
        {
            case null or UndefinedValue:
                return right is null or UndefinedValue;
            case long or double when right is long or double:
                return CompareNumbers(left, right) == 0;
            case string a when right is string b:
                return string.Equals(a, b, StringComparison.Ordinal);
            case bool a when right is bool b:
                return a == b;
            case IReadOnlyList<object?> a when right is IReadOnlyList<object?> b:
                return ListsEqual(a, b);
            case IReadOnlyDictionary<string, object?> a when right is IReadOnlyDictionary<string, object?> b:
                return MapsEqual(a, b);
            default:
                return false;
        }
    }

    /// <summary>Ordering: numbers with numbers, strings with strings (ordinal); anything else is a type error.</summary>
    public static bool Compare(ComparisonOperator op, object? left, object? right)
    {
        left = TemplateValues.Normalize(left);
        right = TemplateValues.Normalize(right);
        int? order;
        if (left is long or double && right is long or double)
        {
            order = CompareNumbers(left, right);
        }
        else if (left is string a && right is string b)
        {
            order = string.CompareOrdinal(a, b);
        }
        else
        {
            throw CannotCompare(op, left, right);
        }

        // NaN is unordered: every ordering comparison with it is false.
        return order switch
        {
            null => false,
            var c => op switch
            {
                ComparisonOperator.Less => c < 0,
                ComparisonOperator.LessOrEqual => c <= 0,
                ComparisonOperator.Greater => c > 0,
                _ => c >= 0,
            },
        };
    }

    /// <summary><c>item in container</c>: element of a list, substring of a string, key of a map.</summary>
    public static bool Contains(object? container, object? item, ComparisonOperator op)
    {
        container = TemplateValues.Normalize(container);
        item = TemplateValues.Normalize(item);
        switch (container)
        {
            case IReadOnlyList<object?> list:
                foreach (var element in list)
                {
                    if (AreEqual(item, element))
                    {
                        return true;
                    }
                }

                return false;
            case string text when item is string part:
                return text.Contains(part, StringComparison.Ordinal);
            case string when item is UndefinedValue undefined:
                throw TemplateRuntimeError.Missing(undefined, $"cannot be searched for with '{Symbol(op)}'", isTypeError: true);
            case string:
                throw TemplateRuntimeError.Type(
                    $"'{Symbol(op)}' with a string on the right needs a string on the left, not {TemplateValues.Describe(item)}");
            case IReadOnlyDictionary<string, object?> map:
                return item is string key && map.ContainsKey(key);
            case UndefinedValue undefined:
                throw TemplateRuntimeError.Missing(undefined, $"cannot be searched with '{Symbol(op)}'", isTypeError: true);
            default:
                throw TemplateRuntimeError.Type(
                    $"'{Symbol(op)}' needs a list, string or map on the right, not {TemplateValues.Describe(container)}");
        }
    }

    /// <summary>Exact numeric order of two numbers (long or double); null when either is NaN.</summary>
    public static int? CompareNumbers(object left, object right) => (left, right) switch
    {
        (long a, long b) => a.CompareTo(b),
        (double a, double b) => double.IsNaN(a) || double.IsNaN(b) ? null : a.CompareTo(b),
        (long a, double b) => CompareLongDouble(a, b),
        (double a, long b) => -CompareLongDouble(b, a),
        _ => null,
    };

    private static int? CompareLongDouble(long a, double b)
    {
        if (double.IsNaN(b))
        {
            return null;
        }

        // 2^63 as a double; every long is below it. Converting a long to double can round, so compare
        // as doubles first and fall back to exact integer comparison when they look equal.
        if (b >= 9223372036854775808.0)
        {
            return -1;
        }

        var approximate = ((double)a).CompareTo(b);
        return approximate != 0 ? approximate : a.CompareTo((long)b);
    }

    private static bool ListsEqual(IReadOnlyList<object?> a, IReadOnlyList<object?> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!AreEqual(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool MapsEqual(IReadOnlyDictionary<string, object?> a, IReadOnlyDictionary<string, object?> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (var (key, value) in a)
        {
            if (!b.TryGetValue(key, out var other) || !AreEqual(value, other))
            {
                return false;
            }
        }

        return true;
    }

    private static TemplateRuntimeError CannotCompare(ComparisonOperator op, object? left, object? right)
    {
        var symbol = Symbol(op);
        if (left is UndefinedValue undefinedLeft)
        {
            return TemplateRuntimeError.Missing(undefinedLeft, $"cannot be compared with '{symbol}'", isTypeError: true);
        }

        if (right is UndefinedValue undefinedRight)
        {
            return TemplateRuntimeError.Missing(undefinedRight, $"cannot be compared with '{symbol}'", isTypeError: true);
        }

        return TemplateRuntimeError.Type(
            $"cannot compare {TemplateValues.Describe(left)} with {TemplateValues.Describe(right)} using '{symbol}'"
            + " (only numbers with numbers and strings with strings)");
    }
}

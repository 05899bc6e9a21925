namespace DagMaster.Domain.Workflows;

/// <summary>
/// Type checks for input values in the template value model (null, bool, long, double, string,
/// lists and string-keyed maps). An integer is a valid number; a numeric string is not an integer.
/// </summary>
public static class InputValues
{
    public static bool Matches(InputType type, object? value) => type switch
    {
        InputType.String => value is string,
        InputType.Integer => value is long or int || (value is double d && Math.Floor(d) == d && !double.IsInfinity(d)),
        InputType.Number => value is long or int or double,
        InputType.Boolean => value is bool,
        InputType.Array => value is IReadOnlyList<object?>,
        InputType.Object => value is IReadOnlyDictionary<string, object?>,
        _ => false,
    };

    public static string TypeName(InputType type) => type.ToString().ToLowerInvariant();
}

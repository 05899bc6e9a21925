namespace DagMaster.UnitTests.Domain.Workflows.Templates;

/// <summary>
/// Strict assertions for template values. Shouldly's ShouldBe treats 1L and 1.0 as equal, but the template
/// value model must keep integers as long and decimals as double, so these also compare runtime types.
/// </summary>
internal static class TemplateAssert
{
    public static void ShouldBeExactly(this object? actual, object? expected)
    {
        var problem = Difference(actual, expected, "value");
        if (problem is not null)
        {
            throw new ShouldAssertException(problem);
        }
    }

    private static string? Difference(object? actual, object? expected, string at)
    {
        switch (expected)
        {
            case null:
                return actual is null ? null : $"{at}: expected null but was {Show(actual)}";
            case IReadOnlyList<object?> expectedList:
                if (actual is not IReadOnlyList<object?> actualList)
                {
                    return $"{at}: expected a list but was {Show(actual)}";
                }

                if (actualList.Count != expectedList.Count)
                {
                    return $"{at}: expected {expectedList.Count} elements but was {actualList.Count}";
                }

                return expectedList.Select((e, i) => Difference(actualList[i], e, $"{at}[{i}]")).FirstOrDefault(d => d is not null);
            case IReadOnlyDictionary<string, object?> expectedMap:
                if (actual is not IReadOnlyDictionary<string, object?> actualMap)
                {
                    return $"{at}: expected a map but was {Show(actual)}";
                }

                if (!actualMap.Keys.Order().SequenceEqual(expectedMap.Keys.Order()))
                {
                    return $"{at}: expected keys [{string.Join(", ", expectedMap.Keys)}] but was [{string.Join(", ", actualMap.Keys)}]";
                }

                return expectedMap.Select(kv => Difference(actualMap[kv.Key], kv.Value, $"{at}.{kv.Key}")).FirstOrDefault(d => d is not null);
            default:
                return actual is not null && actual.GetType() == expected.GetType() && actual.Equals(expected)
                    ? null
                    : $"{at}: expected {Show(expected)} but was {Show(actual)}";
        }
    }

    private static string Show(object? value) => value is null ? "null" : $"{value} ({value.GetType().Name})";
}

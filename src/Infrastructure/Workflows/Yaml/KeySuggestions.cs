namespace DagMaster.Infrastructure.Workflows.Yaml;

/// <summary>Suggests the known key closest to a misspelt one (edit distance of at most two).</summary>
internal static class KeySuggestions
{
    public static string? Closest(string key, IEnumerable<string> known) =>
        known.Select(k => (Key: k, Distance: Distance(key, k)))
            .Where(c => c.Distance <= 2)
            .OrderBy(c => c.Distance)
            .Select(c => c.Key)
            .FirstOrDefault();

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}

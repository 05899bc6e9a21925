using System.Collections.Concurrent;
using System.Text;

namespace DagMaster.IntegrationTests.Fuzzing;

/// <summary>What a fuzz run sent and got back: requests and status codes per operation, and every failure.</summary>
public sealed class FuzzReport
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<int, int>> _statuses = new(StringComparer.Ordinal);

    public List<string> Failures { get; } = [];

    public TimeSpan Elapsed { get; set; }

    public int Requests => _statuses.Values.Sum(s => s.Values.Sum());

    public void Count(string operation, int status) =>
        _statuses.GetOrAdd(operation, _ => new ConcurrentDictionary<int, int>()).AddOrUpdate(status, 1, (_, n) => n + 1);

    public void Fail(string failure) => Failures.Add(failure);

    /// <summary>
    /// Every 4xx the run provoked that the operation does not document: "METHOD path: status" for each operation of
    /// <paramref name="documented"/> (operation name → the status codes its <c>responses</c> list).
    /// </summary>
    public List<string> Undocumented4xx(IReadOnlyDictionary<string, IReadOnlySet<string>> documented) =>
        [.. _statuses
            .Where(s => documented.ContainsKey(s.Key))
            .SelectMany(s => s.Value.Keys.Where(status => status is >= 400 and < 500 && !documented[s.Key].Contains($"{status}"))
                .Select(status => $"{s.Key}: {status}"))
            .Order(StringComparer.Ordinal)];

    public override string ToString()
    {
        var text = new StringBuilder($"api fuzz: {Requests} requests to {_statuses.Count} operations in {Elapsed.TotalSeconds:F1} s, {Failures.Count} answered 5xx or not at all");
        var totals = _statuses.Values.SelectMany(s => s).GroupBy(s => s.Key).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Sum(s => s.Value)}");
        text.AppendLine().Append("  status codes: ").AppendJoin(", ", totals);
        foreach (var (operation, statuses) in _statuses.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            text.AppendLine().Append($"  {operation,-62} {statuses.Values.Sum(),4} requests  ")
                .AppendJoin(" ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"));
        }

        return text.ToString();
    }
}

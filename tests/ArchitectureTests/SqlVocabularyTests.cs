using System.Text.RegularExpressions;
using DagMaster.Domain.Assets;
using DagMaster.Domain.Jobs;
using DagMaster.Domain.Platforms;
using DagMaster.TestSupport;

namespace DagMaster.ArchitectureTests;

/// <summary>
/// The SQL that Infrastructure writes by hand names states and timeline events only as the domain defines them, so
/// a renamed state or a misspelt event fails here instead of matching no row at run time.
/// </summary>
public sealed partial class SqlVocabularyTests
{
    private static readonly HashSet<string> s_states = new[]
        {
            typeof(JobStatus), typeof(NodeStatus), typeof(RevisionStatus), typeof(ApprovalState), typeof(WebhookDeliveryStatus),
        }
        .SelectMany(Enum.GetNames)
        .ToHashSet(StringComparer.Ordinal);

    private static readonly HashSet<string> s_events = typeof(JobEventTypes).GetFields()
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void InfrastructureSql_NamesOnlyStatesAndEventsTheDomainHas()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src", "Infrastructure"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        sources.Count.ShouldBeGreaterThan(10);

        var unknown = sources.SelectMany(path => UnknownNames(File.ReadAllText(path)).Select(name => $"{Path.GetFileName(path)}: '{name}'")).ToList();

        unknown.ShouldBeEmpty();
    }

    [Fact]
    public void UnknownNames_WhenSqlMisspellsAStateOrAnEvent_FindsExactlyThose()
    {
        const string sql = """
            UPDATE dagmaster.job_nodes SET status = 'Runing' WHERE status IN ('Dispatched', 'Redy') AND status <> 'Completed';
            INSERT INTO dagmaster.job_events (job_id, type, node_id, data, occurred_at)
            SELECT @job, 'node_begun', @node, jsonb_build_object('task_id', @task::text), now() FROM started;
            SELECT count(*) FROM dagmaster.job_events WHERE type = 'node_started' OR type IN ('node_done', 'job_failed');
            """;

        UnknownNames(sql).ShouldBe(["Runing", "Redy", "node_begun", "node_done"], ignoreOrder: true);
    }

    /// <summary>
    /// States: every capitalised single-quoted word (the only such literals in our SQL are states). Events: the
    /// literals compared with a <c>type</c> column and the type selected into <c>job_events</c>.
    /// </summary>
    private static IEnumerable<string> UnknownNames(string source)
    {
        var states = StateLiteral().Matches(source).Select(m => m.Groups[1].Value).Where(name => !s_states.Contains(name));
        var events = EventComparison().Matches(source).SelectMany(m => QuotedWord().Matches(m.Groups[1].Value).Select(q => q.Groups[1].Value))
            .Concat(EventInsert().Matches(source).Select(m => m.Groups[1].Value))
            .Where(name => !s_events.Contains(name));
        return states.Concat(events).Distinct();
    }

    [GeneratedRegex(@"'([A-Z][a-z]+)'")]
    private static partial Regex StateLiteral();

    [GeneratedRegex(@"\btype\s*(?:=|<>|!=|\s+(?:NOT\s+)?IN)\s*\(?((?:\s*'[a-z_]+'\s*,?)+)\)?", RegexOptions.IgnoreCase)]
    private static partial Regex EventComparison();

    [GeneratedRegex(@"INSERT INTO dagmaster\.job_events\s*\([^)]*\)\s*SELECT\s+[^,]+,\s*'([a-z_]+)'", RegexOptions.IgnoreCase)]
    private static partial Regex EventInsert();

    [GeneratedRegex(@"'([a-z_]+)'")]
    private static partial Regex QuotedWord();
}

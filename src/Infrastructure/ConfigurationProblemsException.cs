namespace DagMaster.Infrastructure;

/// <summary>The configuration cannot work: every missing or contradictory setting, found at once at start-up.</summary>
public sealed class ConfigurationProblemsException(IReadOnlyList<string> problems)
    : Exception($"DagMaster cannot start: {problems.Count} configuration problem(s):{Environment.NewLine}"
        + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

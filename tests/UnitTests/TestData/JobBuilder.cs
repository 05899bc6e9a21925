using System.Text;
using DagMaster.Domain.Jobs;
using DagMaster.Domain.Workflows;
using DagMaster.Infrastructure.Workflows.Yaml;
using Microsoft.Extensions.Time.Testing;

namespace DagMaster.UnitTests.TestData;

/// <summary>
/// Builds a <see cref="Job"/> the way the application does: the workflow is read from YAML, the inputs are
/// resolved against it (defaults applied, types checked), then <see cref="Job.Submit"/> and
/// <see cref="Job.Start"/> run on a <see cref="FakeTimeProvider"/>. Defaults: a one-task workflow, no inputs.
/// </summary>
public sealed class JobBuilder
{
    public static readonly DateTimeOffset StartTime = new(2026, 1, 31, 12, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, object?> _inputs = new(StringComparer.Ordinal);
    private string _yaml = LinearChainYaml(["a"]);
    private JobSubmission _submission = new(SubmittedBy: "tester");

    public FakeTimeProvider Clock { get; } = new(StartTime);

    /// <summary>A complete workflow file.</summary>
    public JobBuilder WithYaml(string yaml)
    {
        _yaml = yaml;
        return this;
    }

    /// <summary>One of the shipped workflow files (copied to the test output's <c>Workflows</c> folder).</summary>
    public JobBuilder WithWorkflowFile(string fileName) =>
        WithYaml(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Workflows", fileName)));

    /// <summary><c>start → ids[0] → … → end</c>, every node an <c>echo</c> task.</summary>
    public JobBuilder WithLinearChain(params string[] nodeIds) => WithYaml(LinearChainYaml(nodeIds));

    public JobBuilder WithInput(string name, object? value)
    {
        _inputs[name] = value;
        return this;
    }

    public JobBuilder WithSubmission(JobSubmission submission)
    {
        _submission = submission;
        return this;
    }

    public WorkflowDefinition BuildDefinition()
    {
        var result = new YamlWorkflowDefinitionReader().Read(_yaml);
        if (result.Definition is null)
        {
            throw new InvalidOperationException("test workflow does not load: " + string.Join("; ", result.Errors));
        }

        return result.Definition;
    }

    /// <summary>A submitted job that has not started (PENDING).</summary>
    public Job Build() => Submit(BuildDefinition());

    /// <summary>A submitted and started job, wrapped with helpers that play the worker's part.</summary>
    public JobRun Start()
    {
        var definition = BuildDefinition();
        var job = Submit(definition);
        job.Start(definition, Clock);
        return new JobRun(job, definition, Clock);
    }

    private Job Submit(WorkflowDefinition definition)
    {
        var inputs = InputResolution.Resolve(definition, _inputs, out var errors);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("test inputs are invalid: " + string.Join("; ", errors.Select(e => e.Message)));
        }

        return Job.Submit(definition, "test-content-hash", inputs, _submission, Clock);
    }

    private static string LinearChainYaml(IReadOnlyList<string> nodeIds)
    {
        var yaml = new StringBuilder();
        yaml.AppendLine("workflow_id: linear");
        yaml.AppendLine("name: Linear chain");
        yaml.AppendLine("nodes:");
        yaml.AppendLine("  start:");
        yaml.AppendLine("    type: start");
        yaml.AppendLine($"    next: {nodeIds[0]}");
        for (var i = 0; i < nodeIds.Count; i++)
        {
            yaml.AppendLine($"  {nodeIds[i]}:");
            yaml.AppendLine("    handler: echo");
            yaml.AppendLine($"    next: {(i + 1 < nodeIds.Count ? nodeIds[i + 1] : "end")}");
        }

        yaml.AppendLine("  end:");
        yaml.AppendLine("    type: end");
        return yaml.ToString();
    }
}

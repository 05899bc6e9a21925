using DagMaster.Domain.Workflows;
using DagMaster.Domain.Workflows.Drafts;
using YamlDotNet.RepresentationModel;

namespace DagMaster.Infrastructure.Workflows.Yaml;

/// <summary>Reads one node mapping (either form) into a <see cref="NodeDraft"/>.</summary>
internal static class NodeReader
{
    public static NodeDraft Read(string? id, YamlMapping node, int line, List<WorkflowError> errors)
    {
        var (allOf, anyOf) = ReadDependsOn(node, id, errors);
        var (branches, branchesAsMap) = ReadBranches(node, id, errors);
        return new NodeDraft
        {
            Id = id,
            Line = line,
            KeyLines = node.KeyLines,
            Type = node.GetString("type"),
            Description = node.GetString("description"),
            Next = node.GetStringList("next"),
            DependsOnAll = allOf,
            DependsOnAny = anyOf,
            Handler = node.GetString("handler"),
            Queue = node.GetString("queue"),
            Params = node.GetMap("params"),
            TimeoutSeconds = node.GetInt32("timeout_seconds"),
            Priority = node.GetInt32("priority"),
            Retry = ReadRetry(node, id),
            ConditionField = node.GetString("condition_field"),
            Condition = node.GetString("condition"),
            Branches = branches,
            BranchesAsMap = branchesAsMap,
            Source = node.GetString("source"),
            Task = ReadTask(node, id),
            MaxParallel = node.GetInt32("max_parallel"),
            Aggregation = node.GetString("aggregation"),
        };
    }

    private static (IReadOnlyList<string> AllOf, IReadOnlyList<string> AnyOf) ReadDependsOn(YamlMapping node, string? id, List<WorkflowError> errors)
    {
        if (node.Get("depends_on") is not YamlMappingNode map)
        {
            return (node.GetStringList("depends_on"), []);
        }

        var dependsOn = new YamlMapping(map, $"'depends_on' of node '{id}'", errors);
        dependsOn.ReportUnknownKeys(WorkflowSchemaV1.DependsOn);
        return (dependsOn.GetStringList("all_of"), dependsOn.GetStringList("any_of"));
    }

    private static RetryDraft? ReadRetry(YamlMapping node, string? id)
    {
        if (node.GetMapping("retry", $"'retry' of node '{id}'") is not { } retry)
        {
            return null;
        }

        retry.ReportUnknownKeys(WorkflowSchemaV1.Retry);
        return new RetryDraft
        {
            Line = retry.Line,
            KeyLines = retry.KeyLines,
            MaxAttempts = retry.GetInt32("max_attempts"),
            Backoff = retry.GetString("backoff"),
            InitialDelaySeconds = retry.GetNumber("initial_delay_seconds"),
            MaxDelaySeconds = retry.GetNumber("max_delay_seconds"),
        };
    }

    private static TaskDraft? ReadTask(YamlMapping node, string? id)
    {
        if (node.GetMapping("task", $"'task' of node '{id}'") is not { } task)
        {
            return null;
        }

        task.ReportUnknownKeys(WorkflowSchemaV1.FanOutTask);
        return new TaskDraft
        {
            // The 'task' key's line: a block mapping starts on its first key, which is not where a missing key belongs.
            Line = node.KeyLines["task"],
            KeyLines = task.KeyLines,
            Handler = task.GetString("handler"),
            Queue = task.GetString("queue"),
            Params = task.GetMap("params"),
            TimeoutSeconds = task.GetInt32("timeout_seconds"),
            Priority = task.GetInt32("priority"),
        };
    }

    private static (IReadOnlyList<BranchDraft> Branches, bool AsMap) ReadBranches(YamlMapping node, string? id, List<WorkflowError> errors)
    {
        switch (node.Get("branches"))
        {
            case YamlMappingNode map:
                var named = map.Children
                    .Select(e => new BranchDraft
                    {
                        Name = YamlValues.KeyText(e.Key).ToLowerInvariant(),
                        Next = e.Value is YamlScalarNode target ? target.Value : null,
                        Line = YamlValues.LineOf(e.Key),
                    })
                    .ToList();
                return (named, true);
            case YamlSequenceNode list:
                var branches = new List<BranchDraft>();
                foreach (var item in list.Children)
                {
                    if (YamlWorkflowDefinitionReader.AsMapping(item, $"a branch of node '{id}'", node, errors) is not { } branch)
                    {
                        continue;
                    }

                    branch.ReportUnknownKeys(WorkflowSchemaV1.Branch);
                    branches.Add(new BranchDraft
                    {
                        Line = branch.Line,
                        KeyLines = branch.KeyLines,
                        Name = branch.GetString("name"),
                        Condition = branch.GetString("condition"),
                        Next = branch.GetString("next"),
                        IsDefault = branch.GetBoolean("default") ?? false,
                    });
                }

                return (branches, false);
            case null:
                return ([], false);
            case var other:
                node.Error("yaml.type", $"'branches' of node '{id}' must be a list of branches or a true/false mapping", other);
                return ([], false);
        }
    }
}

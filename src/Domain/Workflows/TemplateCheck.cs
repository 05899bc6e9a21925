using DagMaster.Domain.Workflows.Templates;

namespace DagMaster.Domain.Workflows;

/// <summary>
/// Checks the templates of one node (or of the workflow outputs): each must parse and may read only declared
/// inputs, the nodes <c>isVisible</c> accepts, the job's own fields, and the names <see cref="TemplateRoots"/> allows.
/// </summary>
internal sealed class TemplateCheck(
    string? nodeId,
    HashSet<string> declaredInputs,
    Func<string, bool> isVisible,
    IReadOnlyDictionary<string, NodeDefinition> nodes,
    List<WorkflowError> errors)
{
    private static readonly string[] s_jobFields = ["id", "correlation_id", "workflow_id", "workflow_version"];
    private static readonly string[] s_nodeFields = ["output", "status"];

    private readonly string _where = nodeId is null ? "the workflow outputs" : $"node '{nodeId}'";

    public void CheckValue(object? value, int? line, string key, TemplateRoots roots)
    {
        switch (value)
        {
            case string text:
                CheckTemplate(text, line, key, roots);
                break;
            case IReadOnlyDictionary<string, object?> map:
                foreach (var (name, item) in map)
                {
                    CheckValue(item, line, $"{key}.{name}", roots);
                }

                break;
            case IReadOnlyList<object?> list:
                for (var i = 0; i < list.Count; i++)
                {
                    CheckValue(list[i], line, $"{key}[{i}]", roots);
                }

                break;
        }
    }

    public void CheckTemplate(string? text, int? line, string key, TemplateRoots roots)
    {
        if (text is null)
        {
            return;
        }

        if (!Template.TryParse(text, out var template, out var error))
        {
            Error("template.syntax", $"template in '{key}' of {_where} does not parse: {error.Message}", line);
            return;
        }

        CheckReferences(template.References, line, key, roots);
    }

    public void CheckCondition(string? text, int? line)
    {
        if (text is null)
        {
            return;
        }

        if (!BranchCondition.TryParse(text, out var condition, out var error))
        {
            Error("template.syntax", $"branch condition of {_where} does not parse: {error.Message}", line);
            return;
        }

        CheckReferences(condition.References, line, "branches", TemplateRoots.Branch);
    }

    private void CheckReferences(IReadOnlyList<TemplatePath> references, int? line, string key, TemplateRoots roots)
    {
        foreach (var path in references)
        {
            CheckReference(path, line, key, roots);
        }
    }

    private void CheckReference(TemplatePath path, int? line, string key, TemplateRoots roots)
    {
        var first = path.Segments.Count > 0 ? path.Segments[0] : null;
        switch (path.Root)
        {
            case "env":
                Error("template.env", $"'{path}' in '{key}' of {_where}: environment variables are not available to templates", line);
                break;
            case "inputs" when first is not null && !declaredInputs.Contains(first):
                Error("template.input.undeclared", $"'{path}' in '{key}' of {_where} names input '{first}', which is not declared", line);
                break;
            case "inputs":
                break;
            case "nodes" when first is null:
                Error("template.node.missing", $"'{path}' in '{key}' of {_where} must name a node (nodes.<id>.output)", line);
                break;
            case "nodes" when !nodes.ContainsKey(first):
                Error("template.node.unknown", $"'{path}' in '{key}' of {_where} names node '{first}', which does not exist", line);
                break;
            case "nodes" when !isVisible(first):
                Error("template.node.not_ancestor", $"'{path}' in '{key}' of {_where} reads node '{first}', which is not an ancestor, so its output may not exist yet", line);
                break;
            case "nodes" when path.Segments.Count > 1 && !s_nodeFields.Contains(path.Segments[1]):
                Error("template.node.field", $"'{path}' in '{key}' of {_where}: a node exposes only 'output' and 'status'", line);
                break;
            case "nodes":
                break;
            case "job" when first is not null && !s_jobFields.Contains(first):
                Error("template.job.field", $"'{path}' in '{key}' of {_where}: job exposes only {string.Join(", ", s_jobFields)}", line);
                break;
            case "job":
                break;
            case "item" or "index" when roots == TemplateRoots.FanOutChild:
                break;
            case "item" or "index":
                Error("template.item.outside_fan_out", $"'{path}' in '{key}' of {_where}: item and index exist only in a fan_out's task params", line);
                break;
            case BranchCondition.ValueName when roots == TemplateRoots.Branch:
                break;
            default:
                Error("template.name.unknown", $"'{path}' in '{key}' of {_where}: unknown name '{path.Root}' (expected inputs, nodes or job)", line);
                break;
        }
    }

    private void Error(string code, string message, int? line) => errors.Add(new WorkflowError(code, message, line, nodeId));
}

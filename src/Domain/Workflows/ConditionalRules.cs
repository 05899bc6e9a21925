using DagMaster.Domain.Workflows.Drafts;

namespace DagMaster.Domain.Workflows;

/// <summary>Branch-set rules of a conditional node, in both the list form and the boolean form.</summary>
internal static class ConditionalRules
{
    public static void Apply(NodeDraft node, NodeDefinition definition, List<WorkflowError> errors)
    {
        var id = definition.Id;
        void Error(string code, string message, int? line) => errors.Add(new WorkflowError(code, message, line, id));

        if (node.Next.Count > 0)
        {
            Error("conditional.next", $"conditional node '{id}' routes through 'branches'; it cannot have 'next'", node.LineOf("next"));
        }

        if (node.Branches.Count == 0)
        {
            Error("conditional.branches.required", $"conditional node '{id}' needs 'branches'", node.LineOf("branches"));
            return;
        }

        if (node.BranchesAsMap)
        {
            ApplyBooleanForm(node, definition, errors);
            return;
        }

        if (node.Condition is not null)
        {
            Error("conditional.condition.list_form", $"conditional node '{id}' uses a list of branches; use 'condition_field' (the 'condition' key belongs to the boolean form)", node.LineOf("condition"));
        }

        if (string.IsNullOrWhiteSpace(node.ConditionField))
        {
            Error("conditional.condition_field.required", $"conditional node '{id}' needs a 'condition_field'", node.Line);
        }

        var branches = new List<ConditionalBranch>();
        foreach (var branch in node.Branches)
        {
            if (string.IsNullOrWhiteSpace(branch.Next))
            {
                Error("conditional.branch.next.required", $"a branch of conditional node '{id}' has no 'next'", branch.Line);
                continue;
            }

            if (!branch.IsDefault && string.IsNullOrWhiteSpace(branch.Condition))
            {
                Error("conditional.branch.condition.required", $"branch '{branch.Name ?? branch.Next}' of conditional node '{id}' needs a 'condition' or 'default: true'", branch.Line);
                continue;
            }

            if (branch.IsDefault && branch.Condition is not null)
            {
                Error("conditional.branch.default_with_condition", $"the default branch of conditional node '{id}' cannot also have a 'condition'", branch.LineOf("condition"));
            }

            branches.Add(new ConditionalBranch(branch.Name, branch.IsDefault ? null : branch.Condition, branch.Next, branch.IsDefault));
        }

        var defaults = node.Branches.Count(b => b.IsDefault);
        if (defaults != 1)
        {
            Error("conditional.default.count", $"conditional node '{id}' must have exactly one default branch, found {defaults}", node.LineOf("branches"));
        }

        definition.ConditionField = node.ConditionField;
        definition.Branches = branches;
    }

    private static void ApplyBooleanForm(NodeDraft node, NodeDefinition definition, List<WorkflowError> errors)
    {
        var id = definition.Id;
        if (string.IsNullOrWhiteSpace(node.Condition))
        {
            errors.Add(new WorkflowError("conditional.condition.required", $"conditional node '{id}' with true/false branches needs a 'condition'", node.Line, id));
        }

        if (node.ConditionField is not null)
        {
            errors.Add(new WorkflowError("conditional.condition_field.boolean_form", $"conditional node '{id}' uses true/false branches; use 'condition', not 'condition_field'", node.LineOf("condition_field"), id));
        }

        var names = node.Branches.Select(b => b.Name).ToList();
        foreach (var branch in node.Branches.Where(b => b.Name is not ("true" or "false")))
        {
            errors.Add(new WorkflowError("conditional.branch.key", $"conditional node '{id}' has branch key '{branch.Name}'; the map form takes exactly 'true' and 'false'", branch.Line, id));
        }

        foreach (var branch in node.Branches.Where(b => b.Name is "true" or "false" && string.IsNullOrWhiteSpace(b.Next)))
        {
            errors.Add(new WorkflowError("conditional.branch.next.required", $"branch '{branch.Name}' of conditional node '{id}' must name the node it leads to", branch.Line, id));
        }

        foreach (var required in new[] { "true", "false" }.Where(r => !names.Contains(r)))
        {
            errors.Add(new WorkflowError("conditional.branch.missing", $"conditional node '{id}' needs a '{required}' branch", node.LineOf("branches"), id));
        }

        definition.IsBooleanConditional = true;
        definition.Condition = node.Condition;
        definition.Branches = node.Branches
            .Where(b => b.Name is "true" or "false" && !string.IsNullOrWhiteSpace(b.Next))
            .Select(b => new ConditionalBranch(b.Name, null, b.Next!, b.Name == "false"))
            .ToList();
    }
}

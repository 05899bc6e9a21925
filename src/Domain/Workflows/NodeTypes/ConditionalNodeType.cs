using DagMaster.Domain.Workflows.Drafts;

namespace DagMaster.Domain.Workflows.NodeTypes;

/// <summary>
/// <c>conditional</c>: routes to one of its branches. The list form tests <c>condition_field</c> against each
/// branch's condition in order and falls back to its one default branch; the boolean form
/// (<c>branches: {true: a, false: b}</c>) takes one of two by the truth of <c>condition</c>. The targets of the
/// branches not taken are skipped.
/// </summary>
internal sealed class ConditionalNodeType() : NodeTypeDescriptor(
    NodeType.Conditional,
    "conditional",
    ["condition_field", "condition", "branches"],
    ["branches"],
    new Dictionary<string, IReadOnlyList<string>> { ["branches"] = ["name", "condition", "next", "default"] })
{
    public override bool TakesOneBranch => true;

    internal override void Build(NodeDraft draft, NodeDefinition definition, List<WorkflowError> errors)
    {
        var id = definition.Id;
        void Error(string code, string message, int? line) => errors.Add(new WorkflowError(code, message, line, id));

        if (draft.Next.Count > 0)
        {
            Error("conditional.next", $"conditional node '{id}' routes through 'branches'; it cannot have 'next'", draft.LineOf("next"));
        }

        if (draft.Branches.Count == 0)
        {
            Error("conditional.branches.required", $"conditional node '{id}' needs 'branches'", draft.LineOf("branches"));
            return;
        }

        if (draft.BranchesAsMap)
        {
            BuildBooleanForm(draft, definition, errors);
            return;
        }

        if (draft.Condition is not null)
        {
            Error("conditional.condition.list_form", $"conditional node '{id}' uses a list of branches; use 'condition_field' (the 'condition' key belongs to the boolean form)", draft.LineOf("condition"));
        }

        if (string.IsNullOrWhiteSpace(draft.ConditionField))
        {
            Error("conditional.condition_field.required", $"conditional node '{id}' needs a 'condition_field'", draft.Line);
        }

        var branches = new List<ConditionalBranch>();
        foreach (var branch in draft.Branches)
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

        var defaults = draft.Branches.Count(b => b.IsDefault);
        if (defaults != 1)
        {
            Error("conditional.default.count", $"conditional node '{id}' must have exactly one default branch, found {defaults}", draft.LineOf("branches"));
        }

        definition.ConditionField = draft.ConditionField;
        definition.Branches = branches;
    }

    internal override void CheckTemplates(TemplateCheck check, NodeDefinition node, NodeDraft draft)
    {
        check.CheckTemplate(node.ConditionField, draft.LineOf("condition_field"), "condition_field", TemplateRoots.Standard);
        check.CheckTemplate(node.Condition, draft.LineOf("condition"), "condition", TemplateRoots.Standard);
        foreach (var (branch, branchDraft) in node.Branches.Zip(draft.Branches.Where(b => !string.IsNullOrWhiteSpace(b.Next))))
        {
            check.CheckCondition(branch.Condition, branchDraft.LineOf("condition"));
        }
    }

    internal override bool Execute<TNode>(INodeEngine<TNode> engine, WorkflowDefinition definition, NodeDefinition spec, TNode node, DateTimeOffset now) =>
        engine.EvaluateConditional(definition, spec, node, now);

    private static void BuildBooleanForm(NodeDraft draft, NodeDefinition definition, List<WorkflowError> errors)
    {
        var id = definition.Id;
        if (string.IsNullOrWhiteSpace(draft.Condition))
        {
            errors.Add(new WorkflowError("conditional.condition.required", $"conditional node '{id}' with true/false branches needs a 'condition'", draft.Line, id));
        }

        if (draft.ConditionField is not null)
        {
            errors.Add(new WorkflowError("conditional.condition_field.boolean_form", $"conditional node '{id}' uses true/false branches; use 'condition', not 'condition_field'", draft.LineOf("condition_field"), id));
        }

        var names = draft.Branches.Select(b => b.Name).ToList();
        foreach (var branch in draft.Branches.Where(b => b.Name is not ("true" or "false")))
        {
            errors.Add(new WorkflowError("conditional.branch.key", $"conditional node '{id}' has branch key '{branch.Name}'; the map form takes exactly 'true' and 'false'", branch.Line, id));
        }

        foreach (var branch in draft.Branches.Where(b => b.Name is "true" or "false" && string.IsNullOrWhiteSpace(b.Next)))
        {
            errors.Add(new WorkflowError("conditional.branch.next.required", $"branch '{branch.Name}' of conditional node '{id}' must name the node it leads to", branch.Line, id));
        }

        foreach (var required in new[] { "true", "false" }.Where(r => !names.Contains(r)))
        {
            errors.Add(new WorkflowError("conditional.branch.missing", $"conditional node '{id}' needs a '{required}' branch", draft.LineOf("branches"), id));
        }

        definition.IsBooleanConditional = true;
        definition.Condition = draft.Condition;
        definition.Branches = draft.Branches
            .Where(b => b.Name is "true" or "false" && !string.IsNullOrWhiteSpace(b.Next))
            .Select(b => new ConditionalBranch(b.Name, null, b.Next!, b.Name == "false"))
            .ToList();
    }
}

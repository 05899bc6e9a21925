namespace DagMaster.Domain.Workflows;

/// <summary>
/// Checks submitted job inputs against a workflow's declared inputs and applies defaults. Every problem is
/// reported, keyed by input name: unknown inputs, missing required ones, values of the wrong type.
/// </summary>
public static class InputResolution
{
    public static IReadOnlyDictionary<string, object?> Resolve(
        WorkflowDefinition definition,
        IReadOnlyDictionary<string, object?> submitted,
        out IReadOnlyList<(string Input, string Message)> errors)
    {
        var problems = new List<(string, string)>();
        var declared = definition.Inputs.ToDictionary(i => i.Name, StringComparer.Ordinal);
        foreach (var name in submitted.Keys.Where(n => !declared.ContainsKey(n)))
        {
            problems.Add((name, $"'{name}' is not an input of workflow '{definition.WorkflowId}' (declared: {string.Join(", ", declared.Keys)})"));
        }

        var resolved = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var input in definition.Inputs)
        {
            if (submitted.TryGetValue(input.Name, out var value))
            {
                if (value is null && !input.Required)
                {
                    resolved[input.Name] = input.HasDefault ? input.Default : null;
                }
                else if (!InputValues.Matches(input.Type, value))
                {
                    problems.Add((input.Name, $"'{input.Name}' must be a{(input.Type is InputType.Integer or InputType.Array or InputType.Object ? "n" : string.Empty)} {InputValues.TypeName(input.Type)}"));
                }
                else
                {
                    resolved[input.Name] = input.Type == InputType.Integer && value is double d ? (long)d : value;
                }
            }
            else if (input.HasDefault)
            {
                resolved[input.Name] = input.Default;
            }
            else if (input.Required)
            {
                problems.Add((input.Name, $"'{input.Name}' is required"));
            }
        }

        errors = problems;
        return resolved;
    }
}

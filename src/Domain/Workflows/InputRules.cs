using System.Text.RegularExpressions;
using DagMaster.Domain.Workflows.Drafts;

namespace DagMaster.Domain.Workflows;

/// <summary>Checks the declared inputs and turns them into <see cref="InputDefinition"/>s.</summary>
internal static partial class InputRules
{
    public static IReadOnlyList<InputDefinition> Build(IReadOnlyList<InputDraft> drafts, List<WorkflowError> errors)
    {
        var inputs = new List<InputDefinition>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in drafts)
        {
            if (string.IsNullOrEmpty(input.Name) || !InputNameRegex().IsMatch(input.Name))
            {
                errors.Add(new WorkflowError("input.name.invalid", $"input name '{input.Name}' must match ^[A-Za-z_][A-Za-z0-9_]{{0,63}}$", input.Line));
                continue;
            }

            if (!seen.Add(input.Name))
            {
                errors.Add(new WorkflowError("input.name.duplicate", $"input '{input.Name}' is declared more than once", input.Line));
                continue;
            }

            if (ParseType(input.Type) is not { } type)
            {
                errors.Add(new WorkflowError(
                    "input.type.invalid",
                    $"input '{input.Name}' has unknown type '{input.Type}' (expected string, integer, number, boolean, array or object)",
                    input.LineOf("type")));
                continue;
            }

            if (input.HasDefault && input.Default is not null && !InputValues.Matches(type, input.Default))
            {
                errors.Add(new WorkflowError(
                    "input.default.type",
                    $"the default of input '{input.Name}' is not a valid {InputValues.TypeName(type)}",
                    input.LineOf("default")));
            }

            var required = input.Required ?? !input.HasDefault;
            inputs.Add(new InputDefinition(input.Name, type, required, input.HasDefault, input.Default, input.Description));
        }

        return inputs;
    }

    public static InputType? ParseType(string? text) => text switch
    {
        null or "string" => InputType.String,
        "integer" => InputType.Integer,
        "number" => InputType.Number,
        "boolean" => InputType.Boolean,
        "array" => InputType.Array,
        "object" => InputType.Object,
        _ => null,
    };

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,63}$")]
    private static partial Regex InputNameRegex();
}

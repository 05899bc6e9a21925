using DagMaster.Domain.Workflows;
using DagMaster.Domain.Workflows.Templates;

namespace DagMaster.Domain.Jobs;

public sealed partial class Job
{
    /// <summary>
    /// The workflow's top-level <c>outputs:</c> rendered against the finished job (inputs, node outputs, job),
    /// as JSON; "{}" when the workflow declares none. An output whose template cannot be evaluated is null.
    /// </summary>
    public string EvaluateOutputs(WorkflowDefinition definition)
    {
        var scope = Scope(definition, definition.GetNode(definition.StartNodeId));
        var artifacts = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, template) in definition.Outputs)
        {
            try
            {
                artifacts[name] = TemplateRenderer.RenderValue(template, scope);
            }
            catch (TemplateEvaluationException)
            {
                artifacts[name] = null;
            }
        }

        return TemplateValues.ToJson(artifacts);
    }
}

namespace DagMaster.Application.Abstractions;

/// <summary>Reads workflow source text (YAML) into a validated definition or the full list of its errors.</summary>
public interface IWorkflowDefinitionReader
{
    WorkflowReadResult Read(string source);
}

using DagMaster.Application.Abstractions;
using Microsoft.Extensions.Options;

namespace DagMaster.Infrastructure.Workflows;

/// <summary>Reads every *.yaml and *.yml file of WORKFLOWS_DIR (not recursive).</summary>
internal sealed class FolderWorkflowSource(IOptions<WorkflowOptions> options) : IWorkflowSource
{
    public IReadOnlyList<WorkflowSourceFile> ReadAll()
    {
        var folder = Path.GetFullPath(options.Value.Directory);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"WORKFLOWS_DIR '{folder}' does not exist");
        }

        return Directory.EnumerateFiles(folder)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Select(f => new WorkflowSourceFile(Path.GetFileName(f), File.ReadAllText(f)))
            .ToList();
    }
}

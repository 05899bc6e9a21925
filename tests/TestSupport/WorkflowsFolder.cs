namespace DagMaster.TestSupport;

/// <summary>A host's private workflows folder (WORKFLOWS_DIR) that tests may add files to; deleted when disposed.</summary>
public sealed class WorkflowsFolder : IDisposable
{
    private WorkflowsFolder(string path) => Path = path;

    public string Path { get; }

    public static WorkflowsFolder Empty() => new(Directory.CreateTempSubdirectory("dagmaster-workflows-").FullName);

    /// <summary>
    /// A copy of the output's <c>Workflows/</c> folder: the shipped <c>workflows/</c> (this project copies them there)
    /// and whatever the test project adds.
    /// </summary>
    public static WorkflowsFolder CopyOfShipped()
    {
        var folder = Empty();
        foreach (var file in Directory.GetFiles(System.IO.Path.Combine(AppContext.BaseDirectory, "Workflows"), "*.yaml"))
        {
            File.Copy(file, System.IO.Path.Combine(folder.Path, System.IO.Path.GetFileName(file)));
        }

        return folder;
    }

    public async Task WriteAsync(string fileName, string yaml) =>
        await File.WriteAllTextAsync(System.IO.Path.Combine(Path, fileName), yaml);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

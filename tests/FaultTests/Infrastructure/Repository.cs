namespace DagMaster.FaultTests.Infrastructure;

/// <summary>Where the repository and the built DagMaster and worker programs are.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration this test assembly was built in (…/bin/&lt;Configuration&gt;/net10.0/).</summary>
    private static string Configuration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string DagMasterDll => Built("src/WebApi", "DagMaster.WebApi.dll");

    public static string WorkerDll => Built("src/Worker", "DagMaster.Worker.dll");

    private static string Built(string project, string dll)
    {
        var path = Path.Combine(Root, project, "bin", Configuration, "net10.0", dll);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{dll} is not built; build the solution first", path);
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DagMaster.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("the repository root (DagMaster.sln) was not found");
    }
}

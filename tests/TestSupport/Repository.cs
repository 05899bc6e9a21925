namespace DagMaster.TestSupport;

/// <summary>Where the checkout, its artifacts folder and the built DagMaster and worker programs are.</summary>
public static class Repository
{
    /// <summary>The folder that holds DagMaster.sln, above the test's output folder.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The checkout's artifacts/ folder (ignored by git), where build/test looks for reports.</summary>
    public static string Artifacts
    {
        get
        {
            var path = Path.Combine(Root, "artifacts");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    public static string DagMasterDll => Built("src/WebApi", "DagMaster.WebApi.dll");

    public static string WorkerDll => Built("src/Worker", "DagMaster.Worker.dll");

    /// <summary>The build configuration the running assembly was built in (…/bin/&lt;Configuration&gt;/net10.0/).</summary>
    private static string Configuration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

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

        return directory?.FullName ?? throw new InvalidOperationException("the repository root (DagMaster.sln) was not found above " + AppContext.BaseDirectory);
    }
}

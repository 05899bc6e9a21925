namespace DagMaster.IntegrationTests.Infrastructure;

/// <summary>Figures long tests measure: printed, and written to <c>artifacts/</c> where build/test shows them.</summary>
public static class ArtifactReports
{
    public static async Task WriteAsync(string fileName, string report)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        Console.WriteLine(report);
        var directory = Path.Combine(RepositoryRoot(), "artifacts");
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, fileName), report + Environment.NewLine, TestContext.Current.CancellationToken);
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DagMaster.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? AppContext.BaseDirectory;
    }
}

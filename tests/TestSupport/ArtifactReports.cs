using Xunit;

namespace DagMaster.TestSupport;

/// <summary>Figures long tests measure: printed, and written to <c>artifacts/</c>, where build/test shows them.</summary>
public static class ArtifactReports
{
    public static async Task WriteAsync(string fileName, string report)
    {
        Print(report);
        await File.WriteAllTextAsync(Path.Combine(Repository.Artifacts, fileName), report + Environment.NewLine, TestContext.Current.CancellationToken);
    }

    /// <summary>Adds a line to a report that several tests write to.</summary>
    public static async Task AppendAsync(string fileName, string line)
    {
        Print(line);
        await File.AppendAllTextAsync(Path.Combine(Repository.Artifacts, fileName), line + Environment.NewLine, TestContext.Current.CancellationToken);
    }

    private static void Print(string text)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(text);
        Console.WriteLine(text);
    }
}

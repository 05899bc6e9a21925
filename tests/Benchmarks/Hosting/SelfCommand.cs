using System.Diagnostics;

namespace DagMaster.Benchmarks.Hosting;

/// <summary>Starts this benchmark program again (as a worker), whether it runs as an app host or under <c>dotnet</c>.</summary>
public static class SelfCommand
{
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("cannot tell this program's path");
        var info = new ProcessStartInfo(host) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            info.ArgumentList.Add(typeof(SelfCommand).Assembly.Location);
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }
}

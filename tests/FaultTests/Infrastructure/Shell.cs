using System.Diagnostics;
using DagMaster.TestSupport;

namespace DagMaster.FaultTests.Infrastructure;

/// <summary>Runs the repository's PostgreSQL helpers (build/lib/postgres.sh) in bash.</summary>
public static class Shell
{
    public static async Task<string> PostgresAsync(string commands)
    {
        var info = new ProcessStartInfo("bash")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"set -euo pipefail; source build/lib/postgres.sh; pg_ensure_installed; {commands}");
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{commands}' failed ({process.ExitCode}): {await error}");
        }

        return (await output).Trim();
    }
}

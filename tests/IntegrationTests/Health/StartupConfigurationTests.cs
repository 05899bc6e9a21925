using System.Diagnostics;

namespace DagMaster.IntegrationTests.Health;

/// <summary>DagMaster checks its whole configuration before it starts and reports every problem at once.</summary>
public sealed class StartupConfigurationTests
{
    [Fact]
    public async Task Start_WhenSettingsAreMissingOrContradictory_PrintsEveryProblemAndExitsNonZero()
    {
        var info = new ProcessStartInfo("dotnet", Path.Combine(AppContext.BaseDirectory, "DagMaster.WebApi.dll"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["DATABASE_URL"] = null,
                ["POSTGRES_HOST"] = "db.internal",
                ["POSTGRES_PORT"] = "five-four-three-two",
                ["USE_MANAGED_IDENTITY"] = "maybe",
                ["TASK_TRANSPORT"] = "kafka",
            },
        };
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        var errors = await stderr;
        await stdout;
        process.ExitCode.ShouldBe(2, errors);
        errors.ShouldContain("DagMaster cannot start: 5 configuration problem(s)");
        errors.ShouldContain("USE_MANAGED_IDENTITY must be true or false, not 'maybe'.");
        errors.ShouldContain("POSTGRES_DB is required");
        errors.ShouldContain("POSTGRES_USER is required");
        errors.ShouldContain("POSTGRES_PORT must be a whole number from 1 to 65535, not 'five-four-three-two'.");
        errors.ShouldContain("TASK_TRANSPORT must be 'postgres' or 'servicebus', not 'kafka'.");
    }
}

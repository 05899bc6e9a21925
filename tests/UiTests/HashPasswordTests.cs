using System.Diagnostics;
using DagMaster.WebUi.Security;
using Microsoft.AspNetCore.Identity;

namespace DagMaster.UiTests;

public sealed class HashPasswordTests
{
    [Fact]
    public async Task BuildHashPassword_Output_IsAcceptedByThePasswordHasherTheLoginUses()
    {
        var script = Path.Combine(RepositoryRoot(), "build", "hash-password");
        using var process = Process.Start(new ProcessStartInfo("python3", [script, "s3cret pass"]) { RedirectStandardOutput = true })!;
        var hash = (await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken)).Trim();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        var hasher = new PasswordHasher<AdminUiUser>();
        hasher.VerifyHashedPassword(new AdminUiUser(), hash, "s3cret pass").ShouldBe(PasswordVerificationResult.Success);
        hasher.VerifyHashedPassword(new AdminUiUser(), hash, "other").ShouldBe(PasswordVerificationResult.Failed);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "DagMaster.sln")))
        {
            dir = dir.Parent;
        }

        return dir.FullName;
    }
}

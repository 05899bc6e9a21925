using System.Diagnostics;
using DagMaster.TestSupport;
using DagMaster.WebUi.Security;
using Microsoft.AspNetCore.Identity;

namespace DagMaster.UiTests;

public sealed class HashPasswordTests
{
    [Fact]
    public async Task BuildHashPassword_Output_IsAcceptedByThePasswordHasherTheLoginUses()
    {
        var script = Path.Combine(Repository.Root, "build", "hash-password");
        using var process = Process.Start(new ProcessStartInfo("python3", [script, "s3cret pass"]) { RedirectStandardOutput = true })!;
        var hash = (await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken)).Trim();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        var hasher = new PasswordHasher<AdminUiUser>();
        hasher.VerifyHashedPassword(new AdminUiUser(), hash, "s3cret pass").ShouldBe(PasswordVerificationResult.Success);
        hasher.VerifyHashedPassword(new AdminUiUser(), hash, "other").ShouldBe(PasswordVerificationResult.Failed);
    }
}

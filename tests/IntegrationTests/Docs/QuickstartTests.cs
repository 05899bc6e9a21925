using System.Diagnostics;
using System.Text.RegularExpressions;
using DagMaster.IntegrationTests.Infrastructure;

namespace DagMaster.IntegrationTests.Docs;

/// <summary>
/// docs/b2b-quickstart.md cannot rot: its curl blocks run as a bash script and its C# blocks — which must be
/// docs/quickstart/Program.cs, in order — run as that program, both against this real host with a worker, each
/// step from platform registration to a verified signed callback.
/// </summary>
public sealed partial class QuickstartTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void CSharpBlocks_InOrder_AreExactlyTheQuickstartProgram()
    {
        var blocks = Blocks("csharp");

        blocks.Count.ShouldBe(6, "one C# block per step");
        string.Join("\n", blocks).ShouldBe(File.ReadAllText(Path.Combine(Repository.Root, "docs", "quickstart", "Program.cs")));
    }

    [Fact]
    public async Task CurlBlocks_AgainstTheHost_RegisterSubmitPollAndVerifyTheRealCallback()
    {
        var blocks = Blocks("bash");
        var verify = blocks[^1];
        verify.ShouldContain("SIGNATURE", customMessage: "the last bash block verifies a callback's signature");
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var worker = await InProcessWorker.StartAsync(App);
        using var scratch = new TempDirectory();
        var environment = new Dictionary<string, string>
        {
            ["DAGMASTER_URL"] = App.ServerAddress.ToString().TrimEnd('/'),
            ["DAGMASTER_OPERATOR_KEY"] = TestHostSettings.AdminKey,
            ["PLATFORM_ID"] = "acme-curl",
            ["CALLBACK_URL"] = receiver.Url.ToString(),
        };

        // Steps 1-5; the harness keeps the signing secret the script got, for step 6.
        var steps = await RunAsync("bash", ["-c", "set -euo pipefail\n" + string.Join("\n", blocks[..^1])
            + $"\nprintf '%s' \"$SIGNING_SECRET\" > '{scratch.Path}/secret'\n"], environment);
        steps.ExitCode.ShouldBe(0, steps.Output);
        steps.Output.ShouldContain("request status: completed");
        steps.Output.ShouldContain("\"request_id\": \"order-1001\"");

        var callback = await Poll.UntilAsync(() => Task.FromResult(receiver.Requests.ToList()), r => r.Count >= 1, "the callback of order-1001", 30);
        var received = callback.ShouldHaveSingleItem();
        received.Event.ShouldBe("job.completed");
        var signed = new Dictionary<string, string>(environment)
        {
            ["SIGNING_SECRET"] = await File.ReadAllTextAsync(Path.Combine(scratch.Path, "secret"), Ct),
            ["SIGNATURE"] = received.Signature.ShouldNotBeNull(),
            ["BODY"] = received.Body,
        };
        var valid = await RunAsync("bash", ["-c", "set -euo pipefail\n" + verify], signed);
        var tampered = await RunAsync("bash", ["-c", "set -euo pipefail\n" + verify],
            new Dictionary<string, string>(signed) { ["BODY"] = received.Body.Replace("completed", "cancelled", StringComparison.Ordinal) });

        valid.ExitCode.ShouldBe(0, valid.Output);
        valid.Output.ShouldContain("signature valid");
        tampered.ExitCode.ShouldNotBe(0, "a body changed after signing must fail the check");
        (await B2BApi.StatusAsync(Client, "acme-curl", "order-1001")).Status.ShouldBe("completed");
    }

    [Fact]
    public async Task CSharpProgram_AgainstTheHost_RegistersSubmitsPollsAndVerifiesTheRealCallback()
    {
        await using var worker = await InProcessWorker.StartAsync(App);
        var prefix = $"http://127.0.0.1:{FreePort.Next()}/dagmaster/";

        var run = await RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "DagMaster.Quickstart.dll")], new Dictionary<string, string>
        {
            ["DAGMASTER_URL"] = App.ServerAddress.ToString(),
            ["DAGMASTER_OPERATOR_KEY"] = TestHostSettings.AdminKey,
            ["PLATFORM_ID"] = "acme-csharp",
            ["CALLBACK_PREFIX"] = prefix,
        });

        run.ExitCode.ShouldBe(0, run.Output);
        run.Output.ShouldContain("accepted: asset ");
        run.Output.ShouldContain("request status: completed");
        run.Output.ShouldContain("callback job.completed: signature valid");
        (await B2BApi.StatusAsync(Client, "acme-csharp", "order-1001")).Status.ShouldBe("completed");
        var delivery = await Poll.UntilAsync(
            async () => (await B2BApi.Api(Client).ListWebhookDeliveriesAsync("acme-csharp", "order-1001", cancellationToken: Ct)).ToList(),
            d => d.Count == 1 && d[0].Status == "delivered", "the program's answer to be recorded");
        delivery[0].LastStatusCode.ShouldBe(200, "the program answered 200 because the signature was valid");
    }

    [GeneratedRegex(@"^```(?<lang>[a-z]+)\n(?<code>.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    private static List<string> Blocks(string language) =>
        [.. FencedBlock().Matches(File.ReadAllText(Path.Combine(Repository.Root, "docs", "b2b-quickstart.md")))
            .Where(m => m.Groups["lang"].Value == language)
            .Select(m => m.Groups["code"].Value)];

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        limit.CancelAfter(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private sealed class TempDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("dagmaster-quickstart-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}

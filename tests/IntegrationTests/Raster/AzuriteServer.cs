using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DagMaster.IntegrationTests.Raster;

/// <summary>
/// Azurite's blob service (npm, pinned by build/azurite/package-lock.json) on a free loopback port, in memory. The
/// scripts install it with <c>npm ci</c>; when a test run finds it missing, it runs the same command. Azure.Storage.Blobs
/// 12.30.1 asks for service version 2026-10-06, newer than Azurite 3.37.0 knows, hence <c>--skipApiVersionCheck</c>.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    /// <summary>Azurite's published development account (a well-known value, not a secret).</summary>
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;

    private AzuriteServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    public static async Task<AzuriteServer> StartAsync(string repositoryRoot)
    {
        var folder = Path.Combine(repositoryRoot, "build", "azurite");
        var program = Path.Combine(folder, "node_modules", ".bin", "azurite-blob");
        if (!File.Exists(program))
        {
            await RunAsync("npm", folder, "ci", "--no-audit", "--no-fund");
        }

        var port = FreePort.Next();
        var info = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--blobHost", "127.0.0.1", "--blobPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--inMemoryPersistence", "--skipApiVersionCheck", "--silent" })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Azurite did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new AzuriteServer(process, port);
        var watch = Stopwatch.StartNew();
        while (!await server.AcceptsAsync())
        {
            if (process.HasExited || watch.Elapsed > TimeSpan.FromSeconds(60))
            {
                await server.DisposeAsync();
                throw new InvalidOperationException($"Azurite did not listen on 127.0.0.1:{port}");
            }

            await Task.Delay(100);
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task<bool> AcceptsAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task RunAsync(string program, string folder, params string[] arguments)
    {
        var info = new ProcessStartInfo(program) { WorkingDirectory = folder, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed in {folder}: {await errors}");
        }
    }
}

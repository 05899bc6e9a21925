using System.Globalization;
using System.Runtime.InteropServices;

namespace DagMaster.Testing.ServiceBus;

/// <summary>
/// Runs the peer as a process: <c>dotnet DagMaster.ServiceBusPeer.dll [--port 5672]</c> prints
/// <c>connection: Endpoint=…</c> on one line and serves until SIGTERM or Ctrl-C.
/// </summary>
public static class PeerProgram
{
    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var port = 5672;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--port" && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 65535)
            {
                port = value;
                i++;
            }
            else
            {
                await Console.Error.WriteLineAsync($"usage: DagMaster.ServiceBusPeer [--port N] (0..65535; 0 picks a free port); not understood: '{args[i]}'");
                return 2;
            }
        }

        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.TrySetResult();
        });
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            stop.TrySetResult();
        });

        await using var peer = await ServiceBusPeer.StartAsync(new ServiceBusPeerOptions { Port = port });
        Console.WriteLine($"connection: {peer.ConnectionString}");
        await stop.Task;
        return 0;
    }
}

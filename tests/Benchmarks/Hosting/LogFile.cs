using System.Diagnostics;

namespace DagMaster.Benchmarks.Hosting;

/// <summary>Copies a child process's standard output and error, line by line, into one file.</summary>
public sealed class LogFile(string path) : IDisposable
{
    private readonly StreamWriter _writer = new(path, append: true) { AutoFlush = true };
    private readonly Lock _lock = new();

    public string Path { get; } = path;

    public void Attach(Process process)
    {
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            _writer.WriteLine(line);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _writer.Dispose();
        }
    }
}

using Microsoft.Extensions.Logging;

namespace DagMaster.WorkerTests.TestSupport;

/// <summary>Keeps log entries for assertions and echoes them to the test output while the test runs.</summary>
internal sealed class TestLogger<T> : ILogger<T>
{
    private readonly ITestOutputHelper? _output = TestContext.Current.TestOutputHelper;
    private readonly Lock _gate = new();
    private readonly List<(LogLevel Level, string Message)> _entries = [];

    public IReadOnlyList<(LogLevel Level, string Message)> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var message = formatter(state, exception);
        lock (_gate)
        {
            _entries.Add((logLevel, message));
        }

        try
        {
            _output?.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel}: {message}{(exception is null ? string.Empty : " | " + exception.GetType().Name + ": " + exception.Message)}");
        }
        catch (InvalidOperationException)
        {
            // The test has already finished.
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DagMaster.IntegrationTests.Infrastructure;

/// <summary>Keeps the log messages of one category prefix (from <paramref name="level"/> up) of the host it is added to.</summary>
public sealed class LogCapture(string categoryPrefix, LogLevel level) : ILoggerProvider
{
    private readonly Lock _gate = new();
    private readonly List<(LogLevel Level, string Message)> _entries = [];
    private readonly LogLevel _level = level;

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

    public void AddTo(IServiceCollection services) =>
        services.AddLogging(logging => logging.AddProvider(this).AddFilter<LogCapture>(categoryPrefix, _level));

    public int Count(string fragment) => Entries.Count(e => e.Message.Contains(fragment, StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) =>
        categoryName.StartsWith(categoryPrefix, StringComparison.Ordinal) ? new Logger(this) : NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= capture._level;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (capture._gate)
            {
                capture._entries.Add((logLevel, formatter(state, exception)));
            }
        }
    }
}

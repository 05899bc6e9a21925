using System.Collections.Concurrent;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;
using HangfireLogLevel = Hangfire.Logging.LogLevel;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace DagMaster.Infrastructure.Common.Hangfire;

/// <summary>
/// Hangfire's log provider is process-wide, and by default it is bound to the logger factory of the host that
/// configured Hangfire last. With several hosts in one process (tests, scale-out) that host may stop first, and
/// every Hangfire type that asks for a logger afterwards (the job filter attributes, when a job is first created)
/// throws on its disposed factory, so callbacks stopped being enqueued. This provider logs through any host
/// still running, looked up at each call.
/// </summary>
internal sealed class LiveHostsLogProvider : ILogProvider
{
    private static readonly ConcurrentDictionary<ILoggerFactory, byte> s_factories = new();

    public static LiveHostsLogProvider Instance { get; } = new();

    public static void Attach(ILoggerFactory factory) => s_factories.TryAdd(factory, 0);

    public static void Detach(ILoggerFactory factory) => s_factories.TryRemove(factory, out _);

    public ILog GetLogger(string name) => new HostLog(name);

    private sealed class HostLog(string name) : ILog
    {
        public bool Log(HangfireLogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            foreach (var factory in s_factories.Keys)
            {
                try
                {
                    var logger = factory.CreateLogger(name);
                    var level = ToLevel(logLevel);
                    if (messageFunc is null)
                    {
                        return logger.IsEnabled(level);
                    }

                    logger.Log(level, 0, exception, "{Message}", messageFunc());
                    return true;
                }
                catch (ObjectDisposedException)
                {
                    // That host stopped meanwhile; try another.
                }
            }

            return false;
        }

        private static LogLevel ToLevel(HangfireLogLevel level) => level switch
        {
            HangfireLogLevel.Trace => LogLevel.Trace,
            HangfireLogLevel.Debug => LogLevel.Debug,
            HangfireLogLevel.Info => LogLevel.Information,
            HangfireLogLevel.Warn => LogLevel.Warning,
            HangfireLogLevel.Error => LogLevel.Error,
            _ => LogLevel.Critical,
        };
    }
}

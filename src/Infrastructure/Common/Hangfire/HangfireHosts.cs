using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace DagMaster.Infrastructure.Common.Hangfire;

/// <summary>
/// The running hosts of this process, for Hangfire jobs: Hangfire's job activator is process-wide, so with several
/// hosts in one process (tests, scale-out) a job must not be built from a host that has stopped. Jobs are static
/// methods that take a scope from any host still running.
/// </summary>
internal static class HangfireHosts
{
    private static readonly ConcurrentDictionary<IServiceScopeFactory, byte> s_hosts = new();

    public static IServiceScopeFactory Any =>
        s_hosts.Keys.FirstOrDefault() ?? throw new InvalidOperationException("no running DagMaster host to run the Hangfire job");

    public static void Attach(IServiceScopeFactory scopes) => s_hosts.TryAdd(scopes, 0);

    public static void Detach(IServiceScopeFactory scopes) => s_hosts.TryRemove(scopes, out _);
}

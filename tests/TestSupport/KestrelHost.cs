using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DagMaster.TestSupport;

/// <summary>
/// DagMaster in the test process on a real Kestrel loopback port (workers and browsers talk real HTTP to it), in the
/// <c>Testing</c> environment, configured only by <see cref="Settings"/> and the overrides it was given.
/// </summary>
/// <typeparam name="TEntryPoint">The host's <c>Program</c>.</typeparam>
public abstract class KestrelHost<TEntryPoint> : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    private readonly bool _operatorClients;
    private readonly IReadOnlyDictionary<string, string> _overrides;

    /// <param name="operatorClients">Whether every client of <c>CreateClient()</c> sends the operator key.</param>
    /// <param name="overrides">Settings of this host only (environment variable names), over <see cref="Settings"/>.</param>
    protected KestrelHost(bool operatorClients, IReadOnlyDictionary<string, string>? overrides = null)
    {
        _operatorClients = operatorClients;
        _overrides = overrides ?? new Dictionary<string, string>();
        UseKestrel(0);
    }

    /// <summary>The real Kestrel address of the host.</summary>
    public Uri ServerAddress => ClientOptions.BaseAddress;

    /// <summary>The host's settings, most often <see cref="TestHostSettings.InProcess"/> and what the host adds.</summary>
    protected abstract Dictionary<string, string> Settings();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = Settings();
        foreach (var (name, value) in _overrides)
        {
            settings[name] = value;
        }

        foreach (var (name, value) in settings)
        {
            builder.UseSetting(name, value);
        }
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        if (_operatorClients)
        {
            client.DefaultRequestHeaders.Add(TestHostSettings.ApiKeyHeader, TestHostSettings.AdminKey);
        }
    }
}

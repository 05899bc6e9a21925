using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace DagMaster.Infrastructure.Persistence;

/// <summary>
/// Where the database is and how DagMaster signs in: <c>DATABASE_URL</c> (a postgres:// URL or an Npgsql connection
/// string), or the seed's <c>POSTGRES_HOST</c>, <c>POSTGRES_DB</c>, <c>POSTGRES_USER</c> with <c>POSTGRES_PORT</c>,
/// <c>POSTGRES_PASSWORD</c> and <c>POSTGRES_SSLMODE</c>; with <c>USE_MANAGED_IDENTITY=true</c> the password is an Entra
/// access token instead.
/// </summary>
public sealed record DatabaseSettings(string ConnectionString, bool UseManagedIdentity, TimeSpan TokenRefreshInterval)
{
    /// <summary>The settings, or null with every problem added to <paramref name="problems"/>.</summary>
    public static DatabaseSettings? Read(IConfiguration configuration, ICollection<string> problems)
    {
        var managedIdentity = Flag(configuration, "USE_MANAGED_IDENTITY", problems);
        var refresh = TimeSpan.FromSeconds(Number(configuration, "POSTGRES_TOKEN_REFRESH_SECONDS", 1800, 1, 86_400, problems));
        var url = Value(configuration, "DATABASE_URL");
        string? connectionString;
        if (url is not null)
        {
            connectionString = DatabaseConnectionString.From(url, null, null, null);
            if (managedIdentity && new NpgsqlConnectionStringBuilder(connectionString).Password is { Length: > 0 })
            {
                problems.Add("DATABASE_URL carries a password while USE_MANAGED_IDENTITY=true (the password is the Entra token): remove one.");
            }
        }
        else
        {
            connectionString = FromParts(configuration, managedIdentity, problems);
        }

        return connectionString is null || problems.Count > 0 ? null : new DatabaseSettings(connectionString, managedIdentity, refresh);
    }

    private static string? FromParts(IConfiguration configuration, bool managedIdentity, ICollection<string> problems)
    {
        var host = Value(configuration, "POSTGRES_HOST");
        var database = Value(configuration, "POSTGRES_DB");
        var user = Value(configuration, "POSTGRES_USER");
        var password = Value(configuration, "POSTGRES_PASSWORD");
        if (host is null && database is null && user is null)
        {
            problems.Add("No database configured: set DATABASE_URL, or POSTGRES_HOST, POSTGRES_DB and POSTGRES_USER.");
            return null;
        }

        foreach (var (name, value) in new[] { ("POSTGRES_HOST", host), ("POSTGRES_DB", database), ("POSTGRES_USER", user) })
        {
            if (value is null)
            {
                problems.Add($"{name} is required with POSTGRES_HOST, POSTGRES_DB and POSTGRES_USER (or set DATABASE_URL).");
            }
        }

        if (managedIdentity && password is not null)
        {
            problems.Add("POSTGRES_PASSWORD is set while USE_MANAGED_IDENTITY=true (the password is the Entra token): remove one.");
        }

        var port = Number(configuration, "POSTGRES_PORT", 5432, 1, 65_535, problems);
        var sslMode = SslModeOf(configuration, host, problems);
        if (host is null || database is null || user is null)
        {
            return null;
        }

        return new NpgsqlConnectionStringBuilder
        {
            Host = host,
            Port = port,
            Database = database,
            Username = user,
            Password = password,
            SslMode = sslMode,
        }.ConnectionString;
    }

    /// <summary>POSTGRES_SSLMODE, by default <c>require</c> for a host elsewhere and <c>prefer</c> on this machine.</summary>
    private static SslMode SslModeOf(IConfiguration configuration, string? host, ICollection<string> problems)
    {
        if (Value(configuration, "POSTGRES_SSLMODE") is { } text)
        {
            if (Enum.TryParse<SslMode>(text.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var mode) && Enum.IsDefined(mode))
            {
                return mode;
            }

            problems.Add($"POSTGRES_SSLMODE must be one of disable, allow, prefer, require, verify-ca, verify-full, not '{text}'.");
            return SslMode.Require;
        }

        return IsLoopback(host) ? SslMode.Prefer : SslMode.Require;
    }

    private static bool IsLoopback(string? host) =>
        host is null || host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));

    private static bool Flag(IConfiguration configuration, string name, ICollection<string> problems)
    {
        var text = Value(configuration, name);
        if (text is null)
        {
            return false;
        }

        if (bool.TryParse(text, out var flag))
        {
            return flag;
        }

        problems.Add($"{name} must be true or false, not '{text}'.");
        return false;
    }

    private static int Number(IConfiguration configuration, string name, int fallback, int min, int max, ICollection<string> problems)
    {
        var text = Value(configuration, name);
        if (text is null)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        problems.Add($"{name} must be a whole number from {min} to {max}, not '{text}'.");
        return fallback;
    }

    private static string? Value(IConfiguration configuration, string name) =>
        configuration[name] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

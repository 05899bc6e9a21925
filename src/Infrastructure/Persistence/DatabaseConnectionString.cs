using Npgsql;

namespace DagMaster.Infrastructure.Persistence;

/// <summary>
/// Builds the Npgsql connection string from the seed's variables: DATABASE_URL (a postgres:// URL or an
/// Npgsql connection string), else POSTGRES_HOST / POSTGRES_DB / POSTGRES_USER.
/// </summary>
public static class DatabaseConnectionString
{
    public static string? From(string? databaseUrl, string? host, string? database, string? user)
    {
        if (!string.IsNullOrWhiteSpace(databaseUrl))
        {
            return databaseUrl.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
                || databaseUrl.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
                ? FromUrl(databaseUrl)
                : new NpgsqlConnectionStringBuilder(databaseUrl).ConnectionString;
        }

        if (string.IsNullOrWhiteSpace(host))
        {
            return null;
        }

        return new NpgsqlConnectionStringBuilder
        {
            Host = host,
            Database = database ?? "postgres",
            Username = user,
            SslMode = SslMode.Prefer,
        }.ConnectionString;
    }

    private static string FromUrl(string url)
    {
        var uri = new Uri(url);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } db ? db : "postgres",
        };
        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }

        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length == 2 && parts[0].Equals("sslmode", StringComparison.OrdinalIgnoreCase)
                && Enum.TryParse<SslMode>(parts[1], ignoreCase: true, out var mode))
            {
                builder.SslMode = mode;
            }
        }

        return builder.ConnectionString;
    }
}

using System.Data.Common;
using Npgsql;

namespace DagMaster.Infrastructure.Persistence;

/// <summary>
/// Settings for DagMaster's hot paths, applied unless the configured connection string sets them itself:
/// pooled connections keep their prepared statements (no DISCARD ALL on return; DagMaster sets no session
/// state) and the statements run most are prepared automatically.
/// </summary>
internal static class ConnectionTuning
{
    public const int AutoPrepared = 64;

    public static void Apply(NpgsqlConnectionStringBuilder settings, string configured)
    {
        // NpgsqlConnectionStringBuilder.ContainsKey is true for every keyword it knows, set or not, so what the
        // operator wrote is read from the plain string.
        var given = new DbConnectionStringBuilder { ConnectionString = configured }.Keys.Cast<string>()
            .Select(Normalized)
            .ToHashSet(StringComparer.Ordinal);
        if (!given.Contains(Normalized(nameof(NpgsqlConnectionStringBuilder.NoResetOnClose))))
        {
            settings.NoResetOnClose = true;
        }

        if (!given.Contains(Normalized(nameof(NpgsqlConnectionStringBuilder.MaxAutoPrepare))))
        {
            settings.MaxAutoPrepare = AutoPrepared;
        }
    }

    private static string Normalized(string keyword) => keyword.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
}

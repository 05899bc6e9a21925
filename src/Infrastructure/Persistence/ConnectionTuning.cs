using System.Data.Common;
using Npgsql;

namespace DagMaster.Infrastructure.Persistence;

/// <summary>
/// Settings for DagMaster's hot paths, applied unless the configured connection string sets them itself:
/// pooled connections keep their prepared statements and session settings (no DISCARD ALL on return), the
/// statements run most are prepared automatically, and every session plans on indexes where one serves (ADR-0118)
/// and prices a random page read as the SSD or cache it comes from does (ADR-0120).
/// </summary>
internal static class ConnectionTuning
{
    public const int AutoPrepared = 64;

    /// <summary>
    /// Run once on each new connection, each unless the operator's session options (<c>Options=</c>) set it:
    /// <list type="bullet">
    /// <item><c>enable_seqscan = off</c>: no plan the session makes scans a table that has an index for the query
    /// (where none does, it still scans). PostgreSQL keeps a generic plan — a prepared statement's, and the one each
    /// foreign key check caches for the session — until the table is next analysed, so a plan made while a table was
    /// small would go on scanning it after it grew.</item>
    /// <item><c>random_page_cost = 1.1</c>: with the default (4, a spinning disk's) a filtered list ("the failed runs
    /// of X") walks the newest jobs of every kind along <c>ix_jobs_created</c>, whose heap order is cheap to follow,
    /// instead of reading its 50 rows from the index made for the filter; when the newest jobs are of other kinds
    /// that walk reads tens of thousands of rows.</item>
    /// </list>
    /// Statements rather than startup options, which poolers such as PgBouncer refuse.
    /// </summary>
    private static readonly (string Name, string Value)[] s_sessionSettings = [("enable_seqscan", "off"), ("random_page_cost", "1.1")];

    public static void Apply(NpgsqlConnectionStringBuilder settings, string configured)
    {
        var given = Given(configured);
        if (!given.Contains(Normalized(nameof(NpgsqlConnectionStringBuilder.NoResetOnClose))))
        {
            settings.NoResetOnClose = true;
        }

        if (!given.Contains(Normalized(nameof(NpgsqlConnectionStringBuilder.MaxAutoPrepare))))
        {
            settings.MaxAutoPrepare = AutoPrepared;
        }
    }

    /// <summary>The <c>SET</c> statements a new session runs (none when the operator's session options set them all).</summary>
    public static string? SessionStatements(NpgsqlConnectionStringBuilder settings)
    {
        var statements = s_sessionSettings
            .Where(s => settings.Options?.Contains(s.Name, StringComparison.OrdinalIgnoreCase) != true)
            .Select(s => $"SET {s.Name} = {s.Value}")
            .ToList();
        return statements.Count == 0 ? null : string.Join("; ", statements);
    }

    // NpgsqlConnectionStringBuilder.ContainsKey is true for every keyword it knows, set or not, so what the
    // operator wrote is read from the plain string.
    private static HashSet<string> Given(string configured) =>
        new DbConnectionStringBuilder { ConnectionString = configured }.Keys.Cast<string>()
            .Select(Normalized)
            .ToHashSet(StringComparer.Ordinal);

    private static string Normalized(string keyword) => keyword.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
}

using System.Data.Common;
using Npgsql;

namespace DagMaster.Infrastructure.Persistence;

/// <summary>
/// Settings for DagMaster's hot paths, applied unless the configured connection string sets them itself:
/// pooled connections keep their prepared statements and session settings (no DISCARD ALL on return), the
/// statements run most are prepared automatically, and every session plans on indexes where one serves (ADR-0118).
/// </summary>
internal static class ConnectionTuning
{
    public const int AutoPrepared = 64;

    /// <summary>
    /// Run once on each new connection: no plan the session makes scans a table that has an index for the query
    /// (where none does, it still scans). PostgreSQL keeps a generic plan — a prepared statement's, and the one
    /// each foreign key check caches for the session — until the table is next analysed, so a plan made while a
    /// table was small would go on scanning it after it grew (each of a fan-out's 100,000 children checking its
    /// job by a scan of every job). A statement rather than a startup option, which poolers such as PgBouncer
    /// refuse.
    /// </summary>
    public const string IndexPathsOnly = "SET enable_seqscan = off";

    /// <summary>
    /// Put first in a transaction's batch of reads that are keyed by construction (each condition an index key, so
    /// every plan is an index lookup whatever the statistics say): PostgreSQL uses their generic plan instead of
    /// planning them at every call (ADR-0123). Only on a session that plans on indexes, where a generic plan cannot
    /// become a scan; <see cref="PlannerChoosesPlans"/> ends it within the batch.
    /// </summary>
    public const string GenericPlansForKeyedReads =
        "SELECT set_config('plan_cache_mode', 'force_generic_plan', true) WHERE current_setting('enable_seqscan') = 'off'";

    /// <summary>Put last in such a batch: the transaction's later statements are planned as the session would plan them.</summary>
    public const string PlannerChoosesPlans = "SET LOCAL plan_cache_mode TO DEFAULT";

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

    /// <summary>Sessions plan on indexes unless the operator's session options set <c>enable_seqscan</c> themselves.</summary>
    public static bool PlansOnIndexes(NpgsqlConnectionStringBuilder settings) =>
        settings.Options?.Contains("enable_seqscan", StringComparison.OrdinalIgnoreCase) != true;

    // NpgsqlConnectionStringBuilder.ContainsKey is true for every keyword it knows, set or not, so what the
    // operator wrote is read from the plain string.
    private static HashSet<string> Given(string configured) =>
        new DbConnectionStringBuilder { ConnectionString = configured }.Keys.Cast<string>()
            .Select(Normalized)
            .ToHashSet(StringComparer.Ordinal);

    private static string Normalized(string keyword) => keyword.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
}

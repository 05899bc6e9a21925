using DagMaster.Application.Abstractions;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DagMaster.Infrastructure.Persistence;

internal sealed class DatabaseHealth(DagMasterDbContext db) : IDatabaseHealth
{
    public async Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await db.Database.ExecuteSqlRawAsync("SELECT 1", timeout.Token);
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or InvalidOperationException)
        {
            return ex is OperationCanceledException ? "database did not answer within 3 s" : $"database unreachable ({ex.GetType().Name})";
        }
    }

    public async Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken cancellationToken) =>
        (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
}

using DagMaster.Application.Jobs.ListJobs;
using DagMaster.Infrastructure.Jobs;
using DagMaster.IntegrationTests.Infrastructure;
using Npgsql;

namespace DagMaster.IntegrationTests.Persistence;

/// <summary>
/// The job list is planned with a random page read priced as an SSD's, for its own transaction only (ADR-0120):
/// the pooled session it ran on keeps the server's pricing for every plan made after it.
/// </summary>
public sealed class JobListPricingTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    [Fact]
    public async Task List_LeavesItsPooledSessionWithTheServersPricing()
    {
        var cancellation = TestContext.Current.CancellationToken;
        // One connection, kept as DagMaster's pools keep theirs: no DISCARD ALL when it goes back to the pool.
        await using var oneConnection = NpgsqlDataSource.Create(
            new NpgsqlConnectionStringBuilder(App.ConnectionString) { MaxPoolSize = 1, NoResetOnClose = true }.ConnectionString);

        await new JobListReader(oneConnection).ListAsync(new ListJobsQuery(Status: "failed", WorkflowId: "echo_test"), null, 10, cancellation);

        await using var connection = await oneConnection.OpenConnectionAsync(cancellation);
        (await ShowAsync(connection, cancellation)).ShouldBe("4");
    }

    [Fact]
    public async Task PricingStatement_InsideATransaction_PricesARandomReadAsAnSsdDoes()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var oneConnection = NpgsqlDataSource.Create(App.ConnectionString);
        await using var connection = await oneConnection.OpenConnectionAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);

        await using (var set = new NpgsqlCommand(JobListReader.RandomReadsCheap, connection, transaction))
        {
            await set.ExecuteNonQueryAsync(cancellation);
        }

        (await ShowAsync(connection, cancellation)).ShouldBe("1.1");
    }

    private static async Task<string> ShowAsync(NpgsqlConnection connection, CancellationToken cancellation)
    {
        await using var show = new NpgsqlCommand("SHOW random_page_cost", connection);
        return (string)(await show.ExecuteScalarAsync(cancellation))!;
    }
}

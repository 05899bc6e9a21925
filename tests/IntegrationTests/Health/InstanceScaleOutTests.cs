using DagMaster.IntegrationTests.Infrastructure;

namespace DagMaster.IntegrationTests.Health;

/// <summary>
/// The instance list with a second host in this process. Named <c>…ScaleOutTests</c> so it runs after the ordinary
/// tests (see <see cref="LongTestsLastOrderer"/>: a stopped second host leaves Hangfire's process-wide state behind).
/// </summary>
public sealed class InstanceScaleOutTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    [Fact]
    public async Task Instances_WhenASecondHostStartsAndStops_AppearsThenLeavesTheList()
    {
        var before = await InstanceIdsAsync();

        var host = new AdditionalHost(App);
        var added = (await Poll.UntilAsync(InstanceIdsAsync, ids => ids.Except(before).Any(), "the second host to register")).Except(before).Single();
        await host.DisposeAsync();
        var after = await Poll.UntilAsync(InstanceIdsAsync, ids => !ids.Contains(added), "the stopped host to leave the list");

        after.ShouldNotContain(added);
        after.ShouldBeSubsetOf(before);
    }

    private async Task<List<string>> InstanceIdsAsync()
    {
        var json = await (await Client.GetAsync("/api/v1/health", TestContext.Current.CancellationToken)).ReadJsonAsync(200);
        return json.TryGetProperty("instances", out var list) && list.ValueKind == System.Text.Json.JsonValueKind.Array
            ? list.EnumerateArray().Select(i => i.GetProperty("instance_id").GetString()!).ToList()
            : [];
    }
}

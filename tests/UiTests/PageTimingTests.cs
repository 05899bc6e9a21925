using System.Diagnostics;
using System.Globalization;
using System.Text;
using DagMaster.TestSupport;
using DagMaster.UiTests.Infrastructure;

namespace DagMaster.UiTests;

/// <summary>
/// Seeds 100,000 jobs (and a fan-out with 20,000 children) and 20,000 assets of one platform with SQL, then requests every page and prints the server
/// time of each (its Server-Timing header) and the round trip on loopback. A measurement, not an assertion: the numbers
/// land in the test output and in artifacts/page-timings.txt.
/// </summary>
public sealed class PageTimingTests(UiAppFixture app)
{
    private const int Jobs = 100_000;
    private const int Children = 20_000;
    private const int Assets = 20_000;
    private const int Rounds = 5;
    private const string SeedPlatform = "seedplat";

    [Fact]
    public async Task EveryPage_With100000Jobs_PrintsItsServerTime()
    {
        var sampleJob = Guid.CreateVersion7();
        var bigFanOut = Guid.CreateVersion7();
        try
        {
            await SeedAsync(sampleJob, bigFanOut);
            await SeedAssetsAsync();
            await using var session = await app.NewSessionAsync();
            await session.LoginAsync(UiAppFixture.OperatorName, UiAppFixture.OperatorPassword);

            var pages = new[]
            {
                "/ui/", "/ui/dashboard/live", "/ui/jobs", "/ui/jobs?status=failed", "/ui/jobs?workflow_id=fan_out_test&limit=200",
                "/ui/jobs?correlation_id=seed-4242", $"/ui/jobs/{sampleJob}", $"/ui/jobs/{sampleJob}/live", $"/ui/jobs/{bigFanOut}",
                "/ui/workflows", "/ui/workflows/fan_out_test", "/ui/health",
                "/ui/platforms", $"/ui/platforms/{SeedPlatform}", "/ui/assets", "/ui/assets?limit=200",
                $"/ui/assets?platform_id={SeedPlatform}&approval_state=rejected", "/ui/assets?clearance=public&limit=100",
                "/ui/assets?q=ds-1999", "/ui/assets?q=no-such-dataset", $"/ui/assets/{SampleAssetId}",
            };
            var report = new StringBuilder().Append(
                CultureInfo.InvariantCulture, $"Page timings with {Jobs:N0} jobs and {Assets:N0} assets (median of {Rounds}, after one warm-up):\n");
            foreach (var page in pages)
            {
                var server = new List<double>();
                var roundTrip = new List<double>();
                for (var round = 0; round <= Rounds; round++)
                {
                    var watch = Stopwatch.StartNew();
                    var response = await session.Context.APIRequest.GetAsync(page);
                    watch.Stop();
                    response.Status.ShouldBe(200, page);
                    if (round == 0)
                    {
                        continue;
                    }

                    server.Add(double.Parse(response.Headers["server-timing"].Split("dur=")[1], CultureInfo.InvariantCulture));
                    roundTrip.Add(watch.Elapsed.TotalMilliseconds);
                }

                report.Append(CultureInfo.InvariantCulture, $"  {page,-60} server {Median(server),7:0.0} ms   round trip {Median(roundTrip),7:0.0} ms\n");
            }

            await ArtifactReports.WriteAsync("page-timings.txt", report.ToString());
            await session.GotoAsync("/ui/");
            await session.ScreenshotAsync("dashboard-100k-jobs");
            await session.GotoAsync($"/ui/jobs/{bigFanOut}");
            await session.ScreenshotAsync("job-fan-out-20000-children");
        }
        finally
        {
            await app.ExecuteSqlAsync($"DELETE FROM dagmaster.jobs WHERE correlation_id LIKE 'seed-%' OR id IN ('{sampleJob}', '{bigFanOut}')");
            await app.ExecuteSqlAsync($"DELETE FROM dagmaster.assets WHERE platform_id = '{SeedPlatform}'");
            await app.ExecuteSqlAsync($"DELETE FROM dagmaster.platforms WHERE platform_id = '{SeedPlatform}'");
        }
    }

    /// <summary>The asset whose id is the md5 of 1 (the seed's first).</summary>
    private static string SampleAssetId => Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData("1"u8));

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private async Task SeedAsync(Guid sampleJob, Guid bigFanOut)
    {
        var statuses = "(ARRAY['Completed','Completed','Completed','Completed','Completed','Completed','Completed','Failed','Cancelled','Running'])";
        await app.ExecuteSqlAsync($$"""
            INSERT INTO dagmaster.jobs (id, workflow_id, workflow_version, workflow_content_hash, inputs, status, priority, correlation_id,
                                        error, created_at, started_at, completed_at, updated_at)
            SELECT gen_random_uuid(), 'fan_out_test', 1, w.content_hash, '{"item_list": ["a", "b"]}', {{statuses}}[1 + i % 10], 0, 'seed-' || i,
                   CASE WHEN i % 10 = 7 THEN 'node prepare failed: seeded failure ' || i END,
                   now() - make_interval(secs => i * 3), now() - make_interval(secs => i * 3 - 1),
                   CASE WHEN i % 10 <> 9 THEN now() - make_interval(secs => i * 3 - 2) END, now()
            FROM generate_series(1, {{Jobs}}) AS i, (SELECT content_hash FROM dagmaster.workflow_versions WHERE workflow_id = 'fan_out_test' AND version = 1) AS w;

            INSERT INTO dagmaster.job_nodes (job_id, node_id, status, attempt, attempt_offset)
            SELECT j.id, n.node_id, CASE WHEN j.status = 'Running' AND n.node_id <> 'start' THEN 'Pending' ELSE 'Completed' END, 1, 0
            FROM (SELECT id, status FROM dagmaster.jobs WHERE correlation_id LIKE 'seed-%' ORDER BY created_at DESC LIMIT 20000) AS j,
                 (VALUES ('start'), ('prepare'), ('split'), ('aggregate'), ('end')) AS n(node_id);

            INSERT INTO dagmaster.jobs (id, workflow_id, workflow_version, workflow_content_hash, inputs, status, priority, created_at, started_at, updated_at)
            SELECT x.id, 'fan_out_test', 1, w.content_hash, '{"item_list": []}', 'Running', 0, now() - interval '10 minutes', now() - interval '10 minutes', now()
            FROM (VALUES ('{{sampleJob}}'::uuid), ('{{bigFanOut}}'::uuid)) AS x(id),
                 (SELECT content_hash FROM dagmaster.workflow_versions WHERE workflow_id = 'fan_out_test' AND version = 1) AS w;

            INSERT INTO dagmaster.job_nodes (job_id, node_id, status, attempt, attempt_offset, started_at, completed_at)
            SELECT x.id, n.node_id, n.status, 1, 0, now() - interval '9 minutes', CASE WHEN n.status = 'Completed' THEN now() - interval '8 minutes' END
            FROM (VALUES ('{{sampleJob}}'::uuid), ('{{bigFanOut}}'::uuid)) AS x(id),
                 (VALUES ('start', 'Completed'), ('prepare', 'Completed'), ('split', 'Running'), ('aggregate', 'Pending'), ('end', 'Pending')) AS n(node_id, status);

            INSERT INTO dagmaster.job_nodes (job_id, node_id, status, attempt, attempt_offset, parent_node_id, index, started_at, completed_at)
            SELECT '{{bigFanOut}}', 'split__' || i, CASE WHEN i % 4 = 0 THEN 'Running' ELSE 'Completed' END, 1, 0, 'split', i,
                   now() - make_interval(secs => 500 - i % 400), CASE WHEN i % 4 <> 0 THEN now() - make_interval(secs => 400 - i % 400) END
            FROM generate_series(0, {{Children - 1}}) AS i;
            """);

        // As autovacuum would have done on a table this size: statistics and the visibility map are current.
        await app.ExecuteSqlAsync("VACUUM ANALYZE dagmaster.jobs");
        await app.ExecuteSqlAsync("VACUUM ANALYZE dagmaster.job_nodes");
    }

    /// <summary>One platform with <see cref="Assets"/> assets, each with one version in a rotating approval state and one revision.</summary>
    private async Task SeedAssetsAsync()
    {
        await app.ExecuteSqlAsync($$"""
            INSERT INTO dagmaster.platforms (platform_id, display_name, required_refs, optional_refs, workflows, signing_secret, is_active, created_at, updated_at)
            VALUES ('{{SeedPlatform}}', 'Seeded platform', '["dataset_id", "resource_id"]', '[]', '{"raster": "b2b_artifacts_probe"}', 'seed-secret', TRUE, now(), now());

            INSERT INTO dagmaster.assets (asset_id, platform_id, platform_refs, clearance, is_deleted, created_at, updated_at)
            SELECT md5(i::text), '{{SeedPlatform}}', jsonb_build_object('dataset_id', 'ds-' || i, 'resource_id', 'res-' || i),
                   (ARRAY['Uncleared', 'Ouo', 'Public'])[1 + i % 3], FALSE, now() - make_interval(secs => i), now() - make_interval(secs => i)
            FROM generate_series(1, {{Assets}}) AS i;

            INSERT INTO dagmaster.asset_versions (id, asset_id, ordinal, label, approval_state, current_revision, created_at)
            SELECT gen_random_uuid(), md5(i::text), 0, 'V1', (ARRAY['PendingReview', 'Approved', 'Rejected'])[1 + i % 3], 1, now() - make_interval(secs => i)
            FROM generate_series(1, {{Assets}}) AS i;

            INSERT INTO dagmaster.asset_revisions (id, version_id, asset_id, platform_id, revision, request_id, job_id, status, artifacts, created_at, completed_at)
            SELECT gen_random_uuid(), v.id, v.asset_id, '{{SeedPlatform}}', 1, 'seed-req-' || v.asset_id, gen_random_uuid(), 'Completed',
                   '{"cog_url": "https://blobs.example/seed.tif"}', v.created_at, v.created_at + interval '1 minute'
            FROM dagmaster.asset_versions AS v JOIN dagmaster.assets AS a USING (asset_id) WHERE a.platform_id = '{{SeedPlatform}}';
            """);
        await app.ExecuteSqlAsync("VACUUM ANALYZE dagmaster.assets");
        await app.ExecuteSqlAsync("VACUUM ANALYZE dagmaster.asset_versions");
        await app.ExecuteSqlAsync("VACUUM ANALYZE dagmaster.asset_revisions");
    }
}

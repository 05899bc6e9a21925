using System.Net.Http.Json;
using DagMaster.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace DagMaster.IntegrationTests.Platforms;

public sealed class ApiKeyPrefixTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetPlatform_WhenKeysAreIssued_ShowsThePlatformAndEightCharactersOfEachKey()
    {
        await new B2BApi(App, Client).CreatePlatformAsync("keyhub");
        var keys = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            var created = await (await Client.PostAsJsonAsync("/api/v1/platforms/keyhub/keys", new { name = $"k{i}" }, Ct)).ReadJsonAsync(201);
            keys.Add(created.GetProperty("key").GetString()!);
            created.GetProperty("prefix").GetString().ShouldBe(keys[^1][..("dm_keyhub_".Length + 8)]);
        }

        var platform = await (await Client.GetAsync("/api/v1/platforms/keyhub", Ct)).ReadJsonAsync(200);
        var prefixes = platform.GetProperty("api_keys").EnumerateArray().Select(k => k.GetProperty("prefix").GetString()!).ToList();
        prefixes.ShouldBe(keys.Select(k => k[..("dm_keyhub_".Length + 8)]), ignoreOrder: true);
    }

    [Fact]
    public async Task Migrate_WhenStoredPrefixesCarryTheKey_CutsThemToThePlatformAndEightCharacters()
    {
        var database = new TestDatabase(
            new NpgsqlConnectionStringBuilder(App.ConnectionString) { Database = "dagmaster_key_prefix_migration", Pooling = false }.ConnectionString);
        await database.CreateAsync();
        try
        {
            await using var db = database.NewContext();
            var migrator = db.GetService<IMigrator>();
            var before = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_ApiKeyPrefixes", StringComparison.Ordinal)).Last();
            await migrator.MigrateAsync(before, Ct);

            const string wholeKey = "dm_ddh_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789a_cdefg";
            await database.ExecuteAsync($$"""
                INSERT INTO dagmaster.platforms (platform_id, display_name, required_refs, optional_refs, workflows, signing_secret, is_active, created_at, updated_at)
                VALUES ('ddh', 'DDH', '[]', '[]', '{}', 's', true, now(), now());
                INSERT INTO dagmaster.platform_api_keys (id, platform_id, name, key_hash, prefix, created_at) VALUES
                  ('00000000-0000-0000-0000-000000000001', 'ddh', 'whole', 'h1', '{{wholeKey}}', now()),
                  ('00000000-0000-0000-0000-000000000002', 'ddh', 'long', 'h2', 'dm_ddh_AbCdEfGhIj_klmnop', now()),
                  ('00000000-0000-0000-0000-000000000003', 'ddh', 'short', 'h3', 'dm_ddh_AbCdEf', now());
                """);

            await migrator.MigrateAsync(cancellationToken: Ct);

            var prefixes = await db.Database.SqlQueryRaw<string>("SELECT prefix AS \"Value\" FROM dagmaster.platform_api_keys ORDER BY id").ToListAsync(Ct);
            prefixes.ShouldBe(["dm_ddh_AbCdEfGh", "dm_ddh_AbCdEfGh", "dm_ddh_AbCdEf"]);
        }
        finally
        {
            await database.DropAsync();
        }
    }
}

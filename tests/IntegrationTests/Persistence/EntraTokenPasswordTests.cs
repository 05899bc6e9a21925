using Azure.Core;
using DagMaster.Infrastructure.Identity;
using DagMaster.Infrastructure.Persistence;
using DagMaster.IntegrationTests.Infrastructure;
using Npgsql;

namespace DagMaster.IntegrationTests.Persistence;

/// <summary>
/// USE_MANAGED_IDENTITY: the PostgreSQL password is an Entra token that Npgsql refreshes before it expires. A fake
/// credential hands out tokens that live 3 s and, standing in for Entra, makes each the password of a real role that
/// signs in with scram-sha-256 (build/test's cluster checks passwords for that role only).
/// </summary>
public sealed class EntraTokenPasswordTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    private const string Role = "dagmaster_token";

    [Fact]
    public async Task Connections_WhenTokensAreRefreshed_KeepOpeningWithTheNewestWhileAnExpiredOneIsRefused()
    {
        await App.ExecuteSqlAsync($"""
            DO $$ BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{Role}') THEN CREATE ROLE {Role} LOGIN; END IF;
            END $$;
            """);
        var credential = new ShortLivedTokens(App);
        var tokens = new PostgresTokenSource(credential, TimeProvider.System);
        var connectionString = new NpgsqlConnectionStringBuilder(App.ConnectionString) { Username = Role, Password = null, Pooling = false }.ConnectionString;
        await using var dataSource = DatabaseDataSource.Build(connectionString, tokens, TimeSpan.FromSeconds(1));

        // Connections keep opening until Npgsql has renewed the token three times (a bounded poll, not a fixed wait).
        var opened = 0;
        await Poll.UntilAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(Ct);
            await using var command = new NpgsqlCommand("SELECT current_user", connection);
            ((string)(await command.ExecuteScalarAsync(Ct))!).ShouldBe(Role);
            opened++;
            lock (credential.Issued)
            {
                return credential.Issued.Count;
            }
        }, issued => issued >= 4, "four tokens to be handed out", timeoutSeconds: 30, intervalSeconds: 0.25);

        TestContext.Current.TestOutputHelper?.WriteLine($"connections opened: {opened}, tokens handed out: {credential.Issued.Count}");
        credential.Issued.Count.ShouldBeGreaterThanOrEqualTo(4);
        tokens.Last!.Error.ShouldBeNull();

        // The first token stopped being the password three refreshes ago: PostgreSQL refuses it.
        var expired = new NpgsqlConnectionStringBuilder(connectionString) { Password = credential.Issued[0] }.ConnectionString;
        await using var stale = new NpgsqlConnection(expired);
        var refused = await Should.ThrowAsync<PostgresException>(() => stale.OpenAsync(Ct));
        refused.SqlState.ShouldBe(PostgresErrorCodes.InvalidPassword);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Tokens that live 3 s; each new one becomes the role's password, as Entra and Azure PostgreSQL would agree.</summary>
    private sealed class ShortLivedTokens(DagMasterAppFixture app) : TokenCredential
    {
        public List<string> Issued { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            requestContext.Scopes.ShouldBe([AzureCredentials.PostgresScope]);
            var token = $"entra-{Guid.NewGuid():N}";
            await app.ExecuteSqlAsync($"ALTER ROLE {Role} PASSWORD '{token}'");
            lock (Issued)
            {
                Issued.Add(token);
            }

            return new AccessToken(token, DateTimeOffset.UtcNow.AddSeconds(3));
        }
    }
}

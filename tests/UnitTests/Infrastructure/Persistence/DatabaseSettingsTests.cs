using DagMaster.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace DagMaster.UnitTests.Infrastructure.Persistence;

public sealed class DatabaseSettingsTests
{
    [Fact]
    public void Read_WhenTheSeedsSettingsAreGiven_BuildsTheConnectionWithPortPasswordAndSsl()
    {
        var settings = Read(new()
        {
            ["POSTGRES_HOST"] = "dagmaster.postgres.database.azure.com",
            ["POSTGRES_DB"] = "dagmaster",
            ["POSTGRES_USER"] = "app",
            ["POSTGRES_PORT"] = "6432",
            ["POSTGRES_PASSWORD"] = "s3cret",
        }, out var problems);

        problems.ShouldBeEmpty();
        var connection = new NpgsqlConnectionStringBuilder(settings!.ConnectionString);
        connection.Host.ShouldBe("dagmaster.postgres.database.azure.com");
        connection.Port.ShouldBe(6432);
        connection.Database.ShouldBe("dagmaster");
        connection.Username.ShouldBe("app");
        connection.Password.ShouldBe("s3cret");
        connection.SslMode.ShouldBe(SslMode.Require);
        settings.UseManagedIdentity.ShouldBeFalse();
    }

    [Theory]
    [InlineData("127.0.0.1", null, SslMode.Prefer)]
    [InlineData("localhost", null, SslMode.Prefer)]
    [InlineData("db.internal", null, SslMode.Require)]
    [InlineData("db.internal", "verify-full", SslMode.VerifyFull)]
    [InlineData("127.0.0.1", "disable", SslMode.Disable)]
    public void Read_SslMode_IsRequireForAHostElsewhereUnlessGiven(string host, string? sslMode, SslMode expected)
    {
        var settings = Read(new() { ["POSTGRES_HOST"] = host, ["POSTGRES_DB"] = "d", ["POSTGRES_USER"] = "u", ["POSTGRES_SSLMODE"] = sslMode }, out var problems);

        problems.ShouldBeEmpty();
        new NpgsqlConnectionStringBuilder(settings!.ConnectionString).SslMode.ShouldBe(expected);
    }

    [Fact]
    public void Read_WhenSettingsAreMissingOrContradictory_ReportsEveryProblemAtOnce()
    {
        var settings = Read(new()
        {
            ["POSTGRES_HOST"] = "db.internal",
            ["POSTGRES_PORT"] = "99999",
            ["POSTGRES_SSLMODE"] = "sometimes",
            ["POSTGRES_PASSWORD"] = "p",
            ["USE_MANAGED_IDENTITY"] = "true",
        }, out var problems);

        settings.ShouldBeNull();
        problems.ShouldContain(p => p.StartsWith("POSTGRES_DB is required", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("POSTGRES_USER is required", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("POSTGRES_PORT must be", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("POSTGRES_SSLMODE must be", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("POSTGRES_PASSWORD is set while USE_MANAGED_IDENTITY=true", StringComparison.Ordinal));
        problems.Count.ShouldBe(5);
    }

    [Fact]
    public void Read_WhenNothingIsConfigured_SaysWhatToSet()
    {
        Read([], out var problems).ShouldBeNull();

        problems.ShouldBe(["No database configured: set DATABASE_URL, or POSTGRES_HOST, POSTGRES_DB and POSTGRES_USER."]);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("1")]
    public void Read_WhenUseManagedIdentityIsNotABoolean_SaysSo(string flag)
    {
        Read(new() { ["DATABASE_URL"] = "postgresql://u@db/d", ["USE_MANAGED_IDENTITY"] = flag }, out var problems).ShouldBeNull();

        problems.ShouldBe([$"USE_MANAGED_IDENTITY must be true or false, not '{flag}'."]);
    }

    [Fact]
    public void Read_WhenTheUrlCarriesAPasswordAndATokenIsUsed_SaysToRemoveOne()
    {
        Read(new() { ["DATABASE_URL"] = "postgresql://u:pw@db/d", ["USE_MANAGED_IDENTITY"] = "true" }, out var problems).ShouldBeNull();

        problems.Single().ShouldStartWith("DATABASE_URL carries a password while USE_MANAGED_IDENTITY=true");
    }

    [Fact]
    public void Read_WithManagedIdentity_KeepsTheUserAndTheRefreshInterval()
    {
        var settings = Read(new()
        {
            ["POSTGRES_HOST"] = "db.internal",
            ["POSTGRES_DB"] = "d",
            ["POSTGRES_USER"] = "dagmaster-identity",
            ["USE_MANAGED_IDENTITY"] = "true",
            ["POSTGRES_TOKEN_REFRESH_SECONDS"] = "600",
        }, out var problems);

        problems.ShouldBeEmpty();
        settings!.UseManagedIdentity.ShouldBeTrue();
        settings.TokenRefreshInterval.ShouldBe(TimeSpan.FromMinutes(10));
        new NpgsqlConnectionStringBuilder(settings.ConnectionString).Password.ShouldBeNull();
    }

    private static DatabaseSettings? Read(Dictionary<string, string?> values, out List<string> problems)
    {
        problems = [];
        return DatabaseSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), problems);
    }
}

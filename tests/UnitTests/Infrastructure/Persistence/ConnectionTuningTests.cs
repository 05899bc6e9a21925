using DagMaster.Infrastructure.Persistence;
using Npgsql;

namespace DagMaster.UnitTests.Infrastructure.Persistence;

public sealed class ConnectionTuningTests
{
    [Fact]
    public void A_connection_string_without_them_gets_kept_prepared_statements_and_auto_prepare()
    {
        const string configured = "Host=db;Database=dagmaster;Username=app";
        var settings = new NpgsqlConnectionStringBuilder(configured);

        ConnectionTuning.Apply(settings, configured);

        Assert.True(settings.NoResetOnClose);
        Assert.Equal(ConnectionTuning.AutoPrepared, settings.MaxAutoPrepare);
        Assert.Equal("SET enable_seqscan = off; SET random_page_cost = 1.1", ConnectionTuning.SessionStatements(settings));
    }

    [Theory]
    [InlineData("Host=db;Options=-c search_path=dagmaster", "SET enable_seqscan = off; SET random_page_cost = 1.1")]
    [InlineData("Host=db;Options=-c enable_seqscan=on", "SET random_page_cost = 1.1")]
    [InlineData("Host=db;Options=-c random_page_cost=2", "SET enable_seqscan = off")]
    [InlineData("Host=db;Options=-c enable_seqscan=on -c random_page_cost=2", null)]
    public void Sessions_get_the_settings_the_operator_did_not_set(string configured, string? statements)
    {
        Assert.Equal(statements, ConnectionTuning.SessionStatements(new NpgsqlConnectionStringBuilder(configured)));
    }

    [Theory]
    [InlineData("Host=db;No Reset On Close=false;Max Auto Prepare=0")]
    [InlineData("Host=db;NoResetOnClose=false;maxautoprepare=0")]
    public void Settings_the_operator_wrote_are_kept(string configured)
    {
        var settings = new NpgsqlConnectionStringBuilder(configured);

        ConnectionTuning.Apply(settings, configured);

        Assert.False(settings.NoResetOnClose);
        Assert.Equal(0, settings.MaxAutoPrepare);
    }
}

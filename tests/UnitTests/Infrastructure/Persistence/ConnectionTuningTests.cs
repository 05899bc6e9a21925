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
        Assert.True(ConnectionTuning.PlansOnIndexes(settings));
    }

    [Theory]
    [InlineData("Host=db;Options=-c search_path=dagmaster", true)]
    [InlineData("Host=db;Options=-c enable_seqscan=on", false)]
    public void Sessions_plan_on_indexes_unless_the_operator_set_sequential_scans(string configured, bool onIndexes)
    {
        Assert.Equal(onIndexes, ConnectionTuning.PlansOnIndexes(new NpgsqlConnectionStringBuilder(configured)));
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

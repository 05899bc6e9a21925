using DagMaster.Infrastructure.Dispatch.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DagMaster.UnitTests.Infrastructure.Dispatch;

/// <summary>An instance's claims are woken at its own commits, so its listener skips the notifications it sent.</summary>
public sealed class TaskNotifierTests
{
    private static TaskNotifier NewInstance() =>
        new(NpgsqlDataSource.Create("Host=unused"), NullLogger<TaskNotifier>.Instance);

    [Fact]
    public void A_notification_this_instance_sent_wakes_nothing()
    {
        var notifier = NewInstance();

        Assert.Null(notifier.QueueToWake(notifier.PayloadFor("dag-worker-tasks")));
    }

    [Fact]
    public void A_notification_of_another_instance_wakes_its_queue()
    {
        var other = NewInstance();

        Assert.Equal("dag-worker-tasks", NewInstance().QueueToWake(other.PayloadFor("dag-worker-tasks")));
    }

    [Fact]
    public void A_notification_naming_only_a_queue_wakes_it()
    {
        Assert.Equal("raster-tasks", NewInstance().QueueToWake("raster-tasks"));
    }
}

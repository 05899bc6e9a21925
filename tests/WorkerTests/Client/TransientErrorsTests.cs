using System.Net;
using System.Text.Json;
using DagMaster.Worker.Client;

namespace DagMaster.WorkerTests.Client;

public sealed class TransientErrorsTests
{
    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.RequestTimeout, true)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.Unauthorized, false)]
    public void IsTransient_WhenHttpStatusGiven_RetriesServerSideAndThrottlingErrors(HttpStatusCode status, bool transient)
    {
        TransientErrors.IsTransient(new HttpRequestException("x", null, status), TestContext.Current.CancellationToken).ShouldBe(transient);
    }

    [Fact]
    public void IsTransient_WhenConnectionFailed_IsTransient()
    {
        TransientErrors.IsTransient(new HttpRequestException("Connection refused"), TestContext.Current.CancellationToken).ShouldBeTrue();
    }

    [Fact]
    public void IsTransient_WhenCancelledByTheCaller_IsNotTransient()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        TransientErrors.IsTransient(new TaskCanceledException(), cancellation.Token).ShouldBeFalse();
        TransientErrors.IsTransient(new TaskCanceledException(), CancellationToken.None).ShouldBeTrue();
    }

    [Fact]
    public void IsTransient_WhenAnswerMalformed_IsNotTransient()
    {
        TransientErrors.IsTransient(new JsonException("bad"), TestContext.Current.CancellationToken).ShouldBeFalse();
    }
}

using System.Net.Sockets;

namespace DagMaster.WorkerTests.TestSupport;

/// <summary>Fails the first <paramref name="refusals"/> requests as if the connection were refused, then passes requests on.</summary>
internal sealed class RefusingConnectionsHandler(int refusals) : DelegatingHandler(new SocketsHttpHandler())
{
    private int _requests;

    public int Refused => Math.Min(Volatile.Read(ref _requests), refusals);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Interlocked.Increment(ref _requests) <= refusals
            ? Task.FromException<HttpResponseMessage>(new HttpRequestException("Connection refused (test)", new SocketException((int)SocketError.ConnectionRefused)))
            : base.SendAsync(request, cancellationToken);
}

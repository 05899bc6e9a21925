namespace DagMaster.Application.Common.Exceptions;

/// <summary>A worker asked for something the configured task transport does not do (claiming over HTTP when a broker delivers tasks).</summary>
public sealed class TransportMismatchException(string message) : Exception(message)
{
    /// <summary>A claim while Service Bus delivers the tasks.</summary>
    public static TransportMismatchException NoClaims() => new(
        "Tasks are delivered through Azure Service Bus (TASK_TRANSPORT=servicebus): receive them from the queues instead of claiming.");
}

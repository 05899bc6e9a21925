namespace DagMaster.Worker.Client;

/// <summary>A Service Bus message that is not a task message; the message says what is wrong with it.</summary>
public sealed class InvalidTaskMessageException(string message, Exception? innerException = null) : Exception(message, innerException)
{
    /// <summary>The dead-letter reason given to such messages.</summary>
    public const string DeadLetterReason = "invalid_task_message";
}

namespace DagMaster.Worker.Hosting;

/// <summary>The task's output itself was refused (e.g. too large): sending it again would not help.</summary>
internal sealed class TaskOutputRefusedException(string message, Exception? innerException = null) : Exception(message, innerException);

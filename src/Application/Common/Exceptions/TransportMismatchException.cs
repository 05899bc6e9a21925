namespace DagMaster.Application.Common.Exceptions;

/// <summary>A worker asked for something the configured task transport does not do (claiming over HTTP when a broker delivers tasks).</summary>
public sealed class TransportMismatchException(string message) : Exception(message);

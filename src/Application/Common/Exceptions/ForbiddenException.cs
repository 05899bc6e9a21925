namespace DagMaster.Application.Common.Exceptions;

/// <summary>The caller is known but may not do this (a platform key submitting a workflow not granted to it): 403.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

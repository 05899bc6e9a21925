namespace DagMaster.WebApi.Contracts;

/// <summary><c>uncleared</c>, <c>ouo</c> or <c>public</c>.</summary>
public sealed record ClearanceRequest(string? Clearance);

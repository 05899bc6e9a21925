namespace DagMaster.Application.Assets.GetRequestStatus;

/// <summary>A platform's view of one of its requests: no job internals.</summary>
public sealed record GetRequestStatusQuery(string PlatformId, string RequestId) : IQuery<RequestStatusDto?>;

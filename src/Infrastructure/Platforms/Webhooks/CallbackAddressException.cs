namespace DagMaster.Infrastructure.Platforms.Webhooks;

/// <summary>A callback's host resolved to an address callbacks may not go to.</summary>
internal sealed class CallbackAddressException() : Exception("the callback host resolves to an address that is not public");

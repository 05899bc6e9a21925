using System.Text.Json;

namespace DagMaster.WebApi.Contracts;

/// <summary><see cref="Progress"/> is <c>{current, total, message}</c>.</summary>
public sealed record HeartbeatRequest(JsonElement? Progress);

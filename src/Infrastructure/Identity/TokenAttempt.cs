namespace DagMaster.Infrastructure.Identity;

/// <summary>One attempt to get a token: when it was made, until when the token is valid, or why it failed.</summary>
public sealed record TokenAttempt(DateTimeOffset At, DateTimeOffset? ExpiresOn, string? Error);

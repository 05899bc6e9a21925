namespace DagMaster.Application.Platforms.TakeUnsentWebhooks;

/// <summary>
/// Marks up to <see cref="Limit"/> unsent deliveries as handed over and answers their ids; the caller hands
/// them to the background job runner after the commit.
/// </summary>
public sealed record TakeUnsentWebhooksCommand(int Limit = 50) : ICommand<IReadOnlyList<Guid>>;

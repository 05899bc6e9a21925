using DagMaster.Application.Common.GroupCommit;
using Mediator;

namespace DagMaster.ArchitectureTests.Violations.Seams;

public sealed record ResendThingCommand(Guid Id) : ICommand<Guid>;

/// <summary>Violation: a handler that sends another command.</summary>
public sealed class ResendThingCommandHandler(ISender sender) : ICommandHandler<ResendThingCommand, Guid>
{
    public async ValueTask<Guid> Handle(ResendThingCommand command, CancellationToken cancellationToken) =>
        await sender.Send(new BatchThingCommand(command.Id), cancellationToken);
}

public sealed record BatchThingCommand(Guid Id) : ICommand<Guid>;

/// <summary>Violation: a handler that hands its work to a batcher (the edge's job).</summary>
public sealed class BatchThingCommandHandler(ThingBatcher batcher) : ICommandHandler<BatchThingCommand, Guid>
{
    public async ValueTask<Guid> Handle(BatchThingCommand command, CancellationToken cancellationToken) =>
        await batcher.AddAsync(command.Id);
}

public sealed record StoreThingCommand(Guid Id) : ICommand<Guid>;

/// <summary>Compliant control: does its own work.</summary>
public sealed class StoreThingCommandHandler : ICommandHandler<StoreThingCommand, Guid>
{
    public ValueTask<Guid> Handle(StoreThingCommand command, CancellationToken cancellationToken) => ValueTask.FromResult(command.Id);
}

/// <summary>A batcher as the edge uses one: it holds a group commit.</summary>
public sealed class ThingBatcher(GroupCommit<Guid, Guid, Guid> commit)
{
    public Task<Guid> AddAsync(Guid id) => commit.AddAsync(id, id);
}

using Mediator;

namespace DagMaster.Domain.Common;

// Mediator cannot dispatch generic notifications, so domain events are INotification directly.
public interface IDomainEvent : INotification
{
    DateTimeOffset OccurredAt { get; }
}

using DagMaster.Application.Common.Validation;

namespace DagMaster.Application.Common.Behaviours;

/// <summary>Runs every FluentValidation validator of the message and throws with all failures together.</summary>
public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        await MessageValidation.ThrowIfInvalidAsync(validators, message, cancellationToken);
        return await next(message, cancellationToken);
    }
}

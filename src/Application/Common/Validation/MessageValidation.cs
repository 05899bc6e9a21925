namespace DagMaster.Application.Common.Validation;

/// <summary>
/// Runs every validator of a message and throws one <see cref="ValidationException"/> with all failures: the
/// pipeline's <see cref="Behaviours.ValidationBehaviour{TMessage, TResponse}"/> for messages sent through Mediator,
/// and the group commits for items before they join a batch.
/// </summary>
public static class MessageValidation
{
    public static async Task ThrowIfInvalidAsync<T>(IEnumerable<IValidator<T>> validators, T message, CancellationToken cancellationToken)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }
    }
}

using FluentValidation;
using Mediator;
using Vibe.Application.Common.Errors;

namespace Vibe.Application.Common.Behaviours;

/// <summary>Runs every FluentValidation validator of a message and reports all failures at once.</summary>
public sealed class ValidationBehaviour<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private readonly IEnumerable<IValidator<TMessage>> _validators;

    public ValidationBehaviour(IEnumerable<IValidator<TMessage>> validators) => _validators = validators;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        foreach (var validator in _validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            failures.AddRange(result.Errors.Select(error => error.ErrorMessage));
        }

        if (failures.Count > 0)
        {
            throw VibeException.Invalid(string.Join("; ", failures), failures);
        }

        return await next(message, cancellationToken);
    }
}

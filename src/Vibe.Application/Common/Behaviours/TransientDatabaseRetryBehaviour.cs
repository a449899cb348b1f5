using Mediator;

namespace Vibe.Application.Common.Behaviours;

/// <summary>
/// Retries a whole command or query when the database failed transiently (a locked SQLite file, a dropped
/// PostgreSQL connection, a SQL Server deadlock victim). Each handler saves once, atomically, so a retry
/// never half-applies. ExecuteRun opts out: it drives a robot and must not be replayed.
/// </summary>
public sealed class TransientDatabaseRetryBehaviour<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private readonly TransientDatabasePolicy _policy;

    public TransientDatabaseRetryBehaviour(TransientDatabasePolicy policy) => _policy = policy;

    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is INotReplayable)
        {
            return next(message, cancellationToken);
        }

        return _policy.Pipeline.ExecuteAsync(ct => next(message, ct), cancellationToken);
    }
}

/// <summary>Marks a message whose handler has effects outside the database, so it is never retried as a whole.</summary>
public interface INotReplayable
{
}

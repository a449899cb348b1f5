using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Vibe.Application.Common.Interfaces;

namespace Vibe.Application.Common.Behaviours;

/// <summary>
/// Retries a whole command or query when the database failed transiently (a locked SQLite file, a dropped
/// PostgreSQL connection, a SQL Server deadlock victim). Each handler saves once, atomically, so a retry
/// never half-applies; and each replay starts from a clean unit of work: what the failed try added to the
/// scope's DbContext is forgotten first, or it would be saved a second time by the replay.
/// ExecuteRun opts out: it drives a robot and must not be replayed.
/// Scoped, because the unit of work it clears is the scope's.
/// </summary>
public sealed class TransientDatabaseRetryBehaviour<TMessage, TResponse>(TransientDatabasePolicy policy, IServiceProvider scope) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is INotReplayable)
        {
            return next(message, cancellationToken);
        }

        var tries = 0;
        return policy.Pipeline.ExecuteAsync(
            ct =>
            {
                if (tries++ > 0)
                {
                    // Resolved only on a replay: commands that never touch the store (validate) open no DbContext.
                    scope.GetService<IVibeDbContext>()?.DiscardChanges();
                }

                return next(message, ct);
            },
            cancellationToken);
    }
}

/// <summary>Marks a message whose handler has effects outside the database, so it is never retried as a whole.</summary>
public interface INotReplayable
{
}

using Mediator;
using Vibe.Application.Common.Behaviours;

namespace Vibe.Application.Store.MigrateStore;

/// <summary>
/// `vibe db migrate`: creates or upgrades vibe's tables; the answer is the migrations applied. Not replayed as a
/// whole: each migration runs in its own transaction, and a failure is reported as it happened.
/// </summary>
public sealed record MigrateStore : ICommand<IReadOnlyList<string>>, INotReplayable;

public sealed class MigrateStoreHandler(IStoreMigrator migrator) : ICommandHandler<MigrateStore, IReadOnlyList<string>>
{
    public async ValueTask<IReadOnlyList<string>> Handle(MigrateStore command, CancellationToken cancellationToken) =>
        await migrator.MigrateAsync(cancellationToken);
}

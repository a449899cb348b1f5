using Cocona.Application;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Vibe.Application.Common.Errors;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Runs.RecordRunOutcome;
using Vibe.Infrastructure.Persistence;

namespace Vibe.Host.Cli;

/// <summary>What a command needs to talk to the use cases: a scope, a ready database, Ctrl+C.</summary>
internal sealed class CommandSession
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IServiceProvider _services;
    private readonly ICoconaAppContextAccessor _app;

    public CommandSession(IServiceScopeFactory scopes, IServiceProvider services, ICoconaAppContextAccessor app)
    {
        _scopes = scopes;
        _services = services;
        _app = app;
    }

    public CancellationToken Cancellation => _app.Current?.CancellationToken ?? CancellationToken.None;

    /// <summary>
    /// A scope whose mediator sends to the handlers; the SQLite store is created or upgraded first, and outcomes an
    /// earlier foreground run could not record (the store was away) are recorded now, so that a host without a
    /// service does not keep them waiting.
    /// </summary>
    public async Task<(AsyncServiceScope Scope, IMediator Mediator)> OpenAsync()
    {
        var scope = _scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().EnsureReadyAsync(Cancellation);
        foreach (var outcome in scope.ServiceProvider.GetRequiredService<IOutcomeJournal>().Pending())
        {
            await scope.ServiceProvider.GetRequiredService<RunOutcomeRecorder>().RecordAsync(outcome, Cancellation);
        }

        return (scope, scope.ServiceProvider.GetRequiredService<IMediator>());
    }

    /// <summary>
    /// A scope for commands that only read the store (status, notify queue): they never create one. Null when there
    /// is no store yet (the embedded SQLite file does not exist); an empty or foreign file is refused.
    /// </summary>
    public async Task<(AsyncServiceScope Scope, IMediator Mediator)?> OpenExistingAsync()
    {
        var scope = _scopes.CreateAsyncScope();
        var migrator = scope.ServiceProvider.GetRequiredService<DatabaseMigrator>();
        if (!migrator.StoreExists())
        {
            await scope.DisposeAsync();
            return null;
        }

        await migrator.EnsureReadyAsync(Cancellation);
        return (scope, scope.ServiceProvider.GetRequiredService<IMediator>());
    }

    /// <summary>Whether the robot files declare <paramref name="robot"/> (for commands that have no store to ask).</summary>
    public async Task<bool> IsDeclaredAsync(string robot)
    {
        var catalog = await _services.GetRequiredService<IRobotCatalog>().GetAsync(Cancellation);
        return catalog.Find(robot) is not null;
    }

    /// <summary>What a read command says when there is no store to read.</summary>
    public string NoStoreYet => $"no store yet at {_services.GetRequiredService<DatabaseMigrator>().SqliteFile}: nothing has run here (the first run creates it)";

    /// <summary>
    /// A scope for commands that read only the robot files (list-robots, validate): no store is opened or created,
    /// so they answer without a database and sooner (docs/performance.md).
    /// </summary>
    public (AsyncServiceScope Scope, IMediator Mediator) OpenWithoutStore()
    {
        var scope = _scopes.CreateAsyncScope();
        return (scope, scope.ServiceProvider.GetRequiredService<IMediator>());
    }

    /// <summary>Refuses to run robots while the robot files have errors; lists them all.</summary>
    public async Task RequireValidRobotsAsync(IServiceProvider services)
    {
        var catalog = await services.GetRequiredService<IRobotCatalog>().GetAsync(Cancellation);
        if (!catalog.IsValid)
        {
            throw VibeException.Invalid(
                $"the robot files have {catalog.Errors.Count} error(s); nothing was run",
                catalog.Errors.Select(error => error.ToString()).ToList());
        }
    }
}

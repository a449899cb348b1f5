using System.Runtime.CompilerServices;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Vibe.Application;
using Vibe.Application.Common.Errors;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Executors;
using Vibe.Application.Robots.Definitions;
using Vibe.Application.Robots.ListRobots;
using Vibe.Application.Runs;
using Vibe.Application.Runs.EnqueueRun;
using Vibe.Application.Runs.GetRun;
using Vibe.Application.Runs.ListRuns;
using Vibe.Application.Runs.RerunTask;
using Vibe.Domain.Runs;
using Vibe.Infrastructure.Configuration;
using Vibe.Infrastructure.Persistence;
using Vibe.Infrastructure.Service;

namespace Vibe.Client;

/// <summary>
/// vibe as a library: queues runs for the vibe service of a configuration folder, and reads runs and their logs, through
/// vibe's own use cases, store and robot files. It executes nothing itself: the service running for that configuration
/// folder (<c>vibe start-service</c>) claims the runs it queues. Thread-safe; open one per configuration folder.
/// </summary>
/// <remarks>
/// Mistakes (an unknown robot or run, robot files with errors, bad settings in .env) are <see cref="VibeException"/>s
/// with a one-line message and a <see cref="VibeException.Kind"/>; an unreachable database throws the driver's exception.
/// </remarks>
public sealed class VibeClient : IAsyncDisposable, IDisposable
{
    private readonly ServiceProvider _services;
    private readonly DatabaseMigrator _store;

    private VibeClient(ServiceProvider services)
    {
        _services = services;
        _store = services.GetRequiredService<DatabaseMigrator>();
        Settings = services.GetRequiredService<VibeSettings>();
    }

    /// <summary>Where the configuration, the data folder and the store are, as read from the configuration folder's .env.</summary>
    public VibeLocations Locations => Settings.Locations;

    internal VibeSettings Settings { get; }

    /// <summary>
    /// Reads the configuration folder as vibe does (.env with the environment over it: VIBE_DB_PROVIDER,
    /// VIBE_DB_CONNECTION, VIBE_DATA_DIR, VIBE_ROBOTS_FILE, VIBE_ROBOTS_DIR) and connects to its store. Nothing is
    /// created: the store is made by vibe (the service, any command, or <c>vibe db migrate</c>).
    /// </summary>
    /// <param name="configDirectory">The folder holding robots.json, robots.d/ and .env.</param>
    /// <param name="loggerFactory">Where vibe's use cases log (retries of a busy database); none by default.</param>
    /// <exception cref="VibeException">The folder does not exist, or .env's database settings are wrong.</exception>
    public static VibeClient Open(string configDirectory, ILoggerFactory? loggerFactory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configDirectory);
        VibeSettings settings;
        try
        {
            settings = VibeSettings.Load(Path.GetFullPath(configDirectory)).EnsureValid();
        }
        catch (SettingsException ex)
        {
            // One problem is the message itself; several are listed under it.
            throw VibeException.Invalid(ex.Message, ex.Problems.Count > 1 ? ex.Problems : null);
        }

        var services = new ServiceCollection();
        services.AddSingleton(loggerFactory ?? NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddVibeApplication();
        services.AddVibeStoreAndRobots(settings);
        services.AddSingleton(new RobotValidationOptions { LeaveUnknownExecutorsToTheService = true });
        services.AddSingleton<IRobotCatalog, RobotFilesAsTheyAre>();
        services.AddSingleton<IRunQueueSignal, ServiceWakeUpSignal>();
        services.AddSingleton<ISharedAction, RunStepChecksOnly>();
        services.AddMediator(options =>
        {
            // Generated inside this assembly and internal, so it never meets the mediator of vibe or of the calling program.
            options.Namespace = "Vibe.Client.Generated";
            options.GenerateTypesAsInternal = true;
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(EnqueueRun)];
        });
        return new VibeClient(services.BuildServiceProvider());
    }

    /// <summary>
    /// Queues a manual run of <paramref name="robot"/> and wakes the service, which runs it (as <c>vibe run-now</c> does
    /// while a service runs). Refused while the robot files have errors, as <c>vibe run-now</c> refuses.
    /// </summary>
    /// <returns>The queued run: <see cref="RunStatus.Pending"/>, with its id.</returns>
    public async Task<RunSummary> QueueRunAsync(string robot, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(robot);
        return await SendAsync(requireValidRobots: true, mediator => mediator.Send(new EnqueueRun(robot, TriggerKind.Manual), cancellationToken), cancellationToken);
    }

    /// <summary>Queues a new run of the robot of run <paramref name="runId"/>, linked to it (as <c>vibe rerun</c>).</summary>
    public async Task<RunSummary> RerunAsync(long runId, CancellationToken cancellationToken = default) =>
        await SendAsync(requireValidRobots: true, mediator => mediator.Send(new RerunTask(runId), cancellationToken), cancellationToken);

    /// <summary>One run with its log lines (at most <paramref name="maxLogLines"/>) and the other attempts of its chain.</summary>
    public async Task<RunDetails> GetRunAsync(long runId, int maxLogLines = 10_000, CancellationToken cancellationToken = default) =>
        await SendAsync(requireValidRobots: false, mediator => mediator.Send(new GetRun(runId, maxLogLines), cancellationToken), cancellationToken);

    /// <summary>The latest runs, newest first, of every robot or of one.</summary>
    public async Task<IReadOnlyList<RunSummary>> ListRunsAsync(int limit = 20, string? robot = null, CancellationToken cancellationToken = default) =>
        await SendAsync(requireValidRobots: false, mediator => mediator.Send(new ListRuns(limit, robot), cancellationToken), cancellationToken);

    /// <summary>The robots declared in robots.json and robots.d/, with their schedules and next fire times.</summary>
    public async Task<IReadOnlyList<RobotSummary>> ListRobotsAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ListRobots(), cancellationToken);
    }

    /// <summary>
    /// What is wrong with the robot files, as this program sees them (robots of executors it does not have are checked
    /// by the service; <c>vibe validate</c> checks everything). Empty when they are fine.
    /// </summary>
    public async Task<IReadOnlyList<string>> CheckRobotFilesAsync(CancellationToken cancellationToken = default)
    {
        var catalog = await _services.GetRequiredService<IRobotCatalog>().GetAsync(cancellationToken);
        return catalog.Errors.Select(error => error.ToString()).ToList();
    }

    /// <summary>
    /// Follows run <paramref name="runId"/>: yields its log lines as the service writes them (each once, in order) and
    /// ends when the run has finished; then <see cref="GetRunAsync"/> tells how. Looks every <paramref name="pollInterval"/>
    /// (default half a second).
    /// </summary>
    public async IAsyncEnumerable<RunLogLine> FollowAsync(long runId, TimeSpan? pollInterval = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var seen = 0;
        while (true)
        {
            var details = await GetRunAsync(runId, int.MaxValue, cancellationToken);
            foreach (var line in details.Log.Skip(seen))
            {
                yield return line;
            }

            seen = details.Log.Count;
            if (details.Run.Status.IsFinished())
            {
                yield break;
            }

            await Task.Delay(pollInterval ?? TimeSpan.FromMilliseconds(500), cancellationToken);
        }
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    public void Dispose() => _services.Dispose();

    private async Task<TResponse> SendAsync<TResponse>(bool requireValidRobots, Func<IMediator, ValueTask<TResponse>> send, CancellationToken cancellationToken)
    {
        if (!_store.StoreExists())
        {
            throw new VibeException(
                VibeErrorKind.Unavailable,
                $"no vibe store yet at {_store.SqliteFile}: start the vibe service for {Locations.ConfigDirectory} (or run `vibe db migrate` there) first");
        }

        if (requireValidRobots && await CheckRobotFilesAsync(cancellationToken) is { Count: > 0 } errors)
        {
            throw VibeException.Invalid($"the robot files have {errors.Count} error(s); nothing was queued", errors);
        }

        await using var scope = _services.CreateAsyncScope();
        return await send(scope.ServiceProvider.GetRequiredService<IMediator>());
    }
}

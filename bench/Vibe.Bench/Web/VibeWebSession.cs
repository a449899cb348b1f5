using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Executors;
using Vibe.Domain.Robots;

namespace Vibe.Bench.Web;

/// <summary>
/// Opens vibe's real web executor for a one-step robot the way the runner does (the ExecutorContext is built as
/// ExecuteRunHandler builds it, from vibe's own composition root), runs its first step, and closes the session.
/// </summary>
internal sealed class VibeWebSession
{
    private readonly IServiceProvider _services;
    private long _runId;

    public VibeWebSession(IServiceProvider services) => _services = services;

    public async Task<WebTiming> RunAsync(string robotName, CancellationToken ct)
    {
        var catalog = await _services.GetRequiredService<IRobotCatalog>().GetAsync(ct);
        var robot = catalog.Find(robotName) ?? throw new InvalidOperationException($"robot {robotName} is not in the workspace: {string.Join("; ", catalog.Errors.Select(e => e.ToString()))}");
        var executor = _services.GetRequiredService<ExecutorRegistry>().FindExecutor(robot.Executor)
            ?? throw new InvalidOperationException($"executor {robot.Executor} is not registered");
        var masker = _services.GetRequiredService<ISecretMasker>();
        var time = _services.GetRequiredService<TimeProvider>();
        var runId = Interlocked.Increment(ref _runId);
        var log = new MemoryRunLog(runId, masker, time);
        var context = new ExecutorContext
        {
            RunId = runId,
            Robot = robot,
            RunFolder = _services.GetRequiredService<IRunFiles>().RunFolder(runId),
            Log = log,
            Variables = new RunVariables(_services.GetRequiredService<IEnvironmentReader>(), masker),
            Masker = masker,
            Time = time,
        };

        var clock = Stopwatch.StartNew();
        var session = await executor.OpenSessionAsync(context, ct);
        try
        {
            await session.ExecuteStepAsync(new StepContext(context, robot.Steps[0]), ct);
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }

        var total = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        await session.DisposeAsync();
        var close = clock.Elapsed.TotalMilliseconds;
        var browser = log.Entries.Select(e => e.Message).FirstOrDefault(m => m.StartsWith("browser: ", StringComparison.Ordinal));
        return new WebTiming(total, close, Browser: browser);
    }
}

using System.ComponentModel.DataAnnotations;
using Cocona;
using Microsoft.Extensions.DependencyInjection;
using Vibe.Application.Runs;
using Vibe.Application.Runs.EnqueueRun;
using Vibe.Application.Runs.ExecuteRun;
using Vibe.Application.Runs.RerunTask;
using Vibe.Domain.Runs;
using Vibe.Host.Output;
using Vibe.Infrastructure.Configuration;
using Vibe.Infrastructure.Service;

namespace Vibe.Host.Cli;

[ReportErrors]
internal sealed class RunCommands
{
    private readonly CommandSession _session;
    private readonly ConsoleRunPrinter _printer;
    private readonly VibeLocations _locations;

    public RunCommands(CommandSession session, ConsoleRunPrinter printer, VibeLocations locations)
    {
        _session = session;
        _printer = printer;
        _locations = locations;
    }

    [Command("run-now", Description = "Run a robot now: in the foreground, or through the service when one is running")]
    public async Task<int> RunNow(
        [Argument(Description = "The robot's name")] string robot,
        [Option("wait", Description = "When the service runs it: follow its log until it ends")] bool wait = false)
    {
        var (scope, mediator) = await _session.OpenAsync();
        await using (scope)
        {
            await _session.RequireValidRobotsAsync(scope.ServiceProvider);
            var queued = await mediator.Send(new EnqueueRun(robot, TriggerKind.Manual), _session.Cancellation);
            return await HandOverOrExecuteAsync(scope.ServiceProvider, queued, wait);
        }
    }

    [Command("rerun", Description = "Run the robot of an earlier run again, as a new run linked to it")]
    public async Task<int> Rerun(
        [Argument(Description = "The id of the run to repeat")][Range(typeof(long), "1", "9223372036854775807", ErrorMessage = "<id> must be a run id: a positive number")] long id,
        [Option("wait", Description = "When the service runs it: follow its log until it ends")] bool wait = false)
    {
        var (scope, mediator) = await _session.OpenAsync();
        await using (scope)
        {
            await _session.RequireValidRobotsAsync(scope.ServiceProvider);
            var queued = await mediator.Send(new RerunTask(id), _session.Cancellation);
            Console.Out.WriteLine($"run {queued.Id} reruns run {id}");
            return await HandOverOrExecuteAsync(scope.ServiceProvider, queued, wait);
        }
    }

    /// <summary>While a service runs for this data folder, it runs the robot (one run at a time per host); else we do.</summary>
    private async Task<int> HandOverOrExecuteAsync(IServiceProvider services, RunSummary queued, bool wait)
    {
        if (PidFile.ReadLive(_locations.PidFile) is not { } service)
        {
            return await ExecuteInForegroundAsync(services, queued);
        }

        ServiceWakeUp.Request(_locations);
        Console.Out.WriteLine($"run {queued.Id} queued; the vibe service (pid {service.Pid}) runs it{(wait ? "" : " (follow it with `vibe status " + queued.Id + "`)")}");
        return wait ? await RunFollower.FollowAsync(services, queued.Id, _session.Cancellation) : ExitCodes.Success;
    }

    private async Task<int> ExecuteInForegroundAsync(IServiceProvider services, RunSummary queued)
    {
        Console.Out.WriteLine($"run {queued.Id}: {queued.Robot} (attempt {queued.Attempt}/{queued.MaxAttempts})");
        RunSummary finished;
        var mediator = services.GetRequiredService<Mediator.IMediator>();
        using (_printer.Print(queued.Id))
        {
            finished = await mediator.Send(new ExecuteRun(queued.Id), _session.Cancellation);
        }

        Console.Out.WriteLine(finished.Status == RunStatus.Succeeded
            ? $"run {finished.Id} succeeded in {RunFormatting.Took(finished)}"
            : $"run {finished.Id} {finished.Status.ToString().ToLowerInvariant()}: {TerminalText.Escape(finished.Error ?? "")}");
        if (finished.EvidencePath is { } evidence)
        {
            Console.Out.WriteLine($"evidence: {evidence}");
        }

        await OutboxDelivery.SendQueuedMailsAsync(mediator, finished.Id, _session.Cancellation);

        return finished.Status switch
        {
            RunStatus.Succeeded => ExitCodes.Success,
            RunStatus.Cancelled => ExitCodes.Interrupted,
            _ => ExitCodes.Failed,
        };
    }
}

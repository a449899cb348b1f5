using System.ComponentModel.DataAnnotations;
using Cocona;
using Microsoft.Extensions.DependencyInjection;
using Vibe.Application.Common.Errors;
using Vibe.Application.Runs;
using Vibe.Application.Runs.EnqueueRun;
using Vibe.Application.Runs.ExecuteRun;
using Vibe.Application.Runs.GetRun;
using Vibe.Application.Runs.PlaceRun;
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

    [Command("run-now", Description = "Run a robot now: queued for a live service that may run it, else in the foreground")]
    public async Task<int> RunNow(
        [Argument(Description = "The robot's name")] string robot,
        [Option("wait", Description = "When a service runs it: follow its log until it ends")] bool wait = false,
        [Option("here", Description = "Run it in this session, whatever services are alive and wherever it is pinned")] bool here = false,
        [Option("queue", Description = "Queue it for a service, even when none that may run it is alive yet")] bool queue = false)
    {
        var mode = Mode(here, queue, "usage: vibe run-now <robot> [--wait] [--here | --queue]");
        var (scope, mediator) = await _session.OpenAsync();
        await using (scope)
        {
            await _session.RequireValidRobotsAsync(scope.ServiceProvider);
            var placement = await PlaceAsync(mediator, robot, mode);
            var queued = await mediator.Send(new EnqueueRun(placement.Robot, TriggerKind.Manual) { RequestedBy = Operator.Name, StartHere = placement.Decision == Placement.RunHere }, _session.Cancellation);
            return await HandOverOrExecuteAsync(scope.ServiceProvider, placement, queued, wait);
        }
    }

    [Command("rerun", Description = "Run the robot of an earlier run again, as a new run linked to it")]
    public async Task<int> Rerun(
        [Argument(Description = "The id of the run to repeat")][Range(typeof(long), "1", "9223372036854775807", ErrorMessage = "<id> must be a run id: a positive number")] long id,
        [Option("wait", Description = "When a service runs it: follow its log until it ends")] bool wait = false,
        [Option("here", Description = "Run it in this session, whatever services are alive and wherever it is pinned")] bool here = false,
        [Option("queue", Description = "Queue it for a service, even when none that may run it is alive yet")] bool queue = false)
    {
        var mode = Mode(here, queue, "usage: vibe rerun <id> [--wait] [--here | --queue]");
        var (scope, mediator) = await _session.OpenAsync();
        await using (scope)
        {
            await _session.RequireValidRobotsAsync(scope.ServiceProvider);
            var original = await mediator.Send(new GetRun(id), _session.Cancellation);
            var placement = await PlaceAsync(mediator, original.Run.Robot, mode);
            var queued = await mediator.Send(new RerunTask(id) { RequestedBy = Operator.Name, StartHere = placement.Decision == Placement.RunHere }, _session.Cancellation);
            Console.Out.WriteLine($"run {queued.Id} reruns run {id}");
            return await HandOverOrExecuteAsync(scope.ServiceProvider, placement, queued, wait);
        }
    }

    private static PlacementMode Mode(bool here, bool queue, string usage) => (here, queue) switch
    {
        (true, true) => throw new CommandLineException("--here and --queue cannot be used together: choose where the run goes", usage),
        (true, _) => PlacementMode.Here,
        (_, true) => PlacementMode.Queue,
        _ => PlacementMode.Auto,
    };

    /// <summary>Asks the store where the run goes; with no live host that may run it (and not this one), nothing is queued.</summary>
    private async Task<RunPlacement> PlaceAsync(Mediator.IMediator mediator, string robot, PlacementMode mode)
    {
        var placement = await mediator.Send(new PlaceRun(robot, mode), _session.Cancellation);
        if (placement.Decision == Placement.NoEligibleHost)
        {
            throw VibeException.Unavailable($"{placement.Reason}; nothing was run (--here runs it in this session, --queue queues it for when one starts)");
        }

        return placement;
    }

    /// <summary>
    /// A live service that may run the robot takes it (one run at a time per host) and `--wait` follows it; otherwise
    /// this session runs it, as on a machine with no service at all.
    /// </summary>
    private async Task<int> HandOverOrExecuteAsync(IServiceProvider services, RunPlacement placement, RunSummary queued, bool wait)
    {
        if (placement.Decision != Placement.Queue)
        {
            return await ExecuteInForegroundAsync(services, queued);
        }

        // A service on this machine sharing this data folder claims it at once rather than at its next poll.
        ServiceWakeUp.Request(_locations);
        var follow = wait ? "" : $" (follow it with `vibe status {queued.Id}`)";
        if (placement.Eligible.Count == 0)
        {
            Console.Error.WriteLine($"vibe: warning: {placement.Reason}; run {queued.Id} waits in the queue until one starts");
            Console.Out.WriteLine($"run {queued.Id} queued{follow}");
        }
        else if (placement.Eligible is [var only])
        {
            Console.Out.WriteLine($"run {queued.Id} queued; the vibe service (pid {only.ProcessId}) runs it on {only.Host}{follow}");
        }
        else
        {
            Console.Out.WriteLine($"run {queued.Id} queued; a vibe service on one of {placement.EligibleText} runs it{follow}");
        }

        return wait ? await RunFollower.FollowAsync(services, queued.Id, _session.Cancellation) : ExitCodes.Success;
    }

    private async Task<int> ExecuteInForegroundAsync(IServiceProvider services, RunSummary queued)
    {
        Console.Out.WriteLine($"run {queued.Id}: {queued.Robot} (attempt {queued.Attempt}/{queued.MaxAttempts})");
        RunSummary finished;
        var mediator = services.GetRequiredService<Mediator.IMediator>();
        using (_printer.Print(queued.Id))
        {
            finished = await mediator.Send(new ExecuteRun(queued.Id) { StartedHere = queued.Status == RunStatus.Running }, _session.Cancellation);
        }

        Console.Out.WriteLine(finished.Status == RunStatus.Succeeded
            ? $"run {finished.Id} succeeded in {RunFormatting.Took(finished)}"
            : $"run {finished.Id} {finished.Status.ToString().ToLowerInvariant()}: {TerminalText.Escape(finished.Error ?? "")}");
        if (finished.EvidencePath is { } evidence)
        {
            Console.Out.WriteLine($"evidence: {evidence}");
        }

        await OutboxDelivery.SendQueuedMailsAsync(mediator, finished.Id, _session.Cancellation);

        return ExitCodes.Of(finished.Status);
    }
}

using Cocona;
using Microsoft.Extensions.DependencyInjection;
using Vibe.Application.Runs;
using Vibe.Application.Runs.EnqueueRun;
using Vibe.Application.Runs.ExecuteRun;
using Vibe.Application.Runs.RerunTask;
using Vibe.Domain.Runs;
using Vibe.Host.Output;

namespace Vibe.Host.Cli;

[ReportErrors]
internal sealed class RunCommands
{
    private readonly CommandSession _session;
    private readonly ConsoleRunPrinter _printer;

    public RunCommands(CommandSession session, ConsoleRunPrinter printer)
    {
        _session = session;
        _printer = printer;
    }

    [Command("run-now", Description = "Run a robot now, in the foreground, printing each step as it happens")]
    public async Task<int> RunNow([Argument(Description = "The robot's name")] string robot)
    {
        var (scope, mediator) = await _session.OpenAsync();
        await using (scope)
        {
            await _session.RequireValidRobotsAsync(scope.ServiceProvider);
            var queued = await mediator.Send(new EnqueueRun(robot, TriggerKind.Manual), _session.Cancellation);
            return await ExecuteInForegroundAsync(scope.ServiceProvider, queued);
        }
    }

    [Command("rerun", Description = "Run the robot of an earlier run again, as a new run linked to it")]
    public async Task<int> Rerun([Argument(Description = "The id of the run to repeat")] long id)
    {
        var (scope, mediator) = await _session.OpenAsync();
        await using (scope)
        {
            await _session.RequireValidRobotsAsync(scope.ServiceProvider);
            var queued = await mediator.Send(new RerunTask(id), _session.Cancellation);
            Console.Out.WriteLine($"run {queued.Id} reruns run {id}");
            return await ExecuteInForegroundAsync(scope.ServiceProvider, queued);
        }
    }

    private async Task<int> ExecuteInForegroundAsync(IServiceProvider services, RunSummary queued)
    {
        Console.Out.WriteLine($"run {queued.Id}: {queued.Robot} (attempt {queued.Attempt}/{queued.MaxAttempts})");
        _printer.Enabled = true;
        RunSummary finished;
        try
        {
            var mediator = services.GetRequiredService<Mediator.IMediator>();
            finished = await mediator.Send(new ExecuteRun(queued.Id), _session.Cancellation);
        }
        finally
        {
            _printer.Enabled = false;
        }

        Console.Out.WriteLine(finished.Status == RunStatus.Succeeded
            ? $"run {finished.Id} succeeded in {RunFormatting.Took(finished)}"
            : $"run {finished.Id} {finished.Status.ToString().ToLowerInvariant()}: {finished.Error}");
        if (finished.EvidencePath is { } evidence)
        {
            Console.Out.WriteLine($"evidence: {evidence}");
        }

        return finished.Status switch
        {
            RunStatus.Succeeded => ExitCodes.Success,
            RunStatus.Cancelled => ExitCodes.Interrupted,
            _ => ExitCodes.Failed,
        };
    }
}

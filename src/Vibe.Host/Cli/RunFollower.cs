using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Vibe.Application.Runs.GetRun;
using Vibe.Domain.Runs;
using Vibe.Host.Output;

namespace Vibe.Host.Cli;

/// <summary>`--wait`: prints a run's log lines as the service writes them, until the run ends.</summary>
internal static class RunFollower
{
    public static async Task<int> FollowAsync(IServiceProvider services, long runId, CancellationToken cancellationToken)
    {
        var printed = 0;
        while (true)
        {
            await using var scope = services.CreateAsyncScope();
            var details = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetRun(runId), cancellationToken);
            foreach (var line in details.Log.Skip(printed).Where(line => line.Level != RunLogLevel.Debug))
            {
                Console.Out.WriteLine(ConsoleRunPrinter.Format(line.Time, line.Level, line.StepIndex, line.Message));
            }

            printed = details.Log.Count;
            var run = details.Run;
            if (run.Status.IsFinished())
            {
                Console.Out.WriteLine(run.Status == RunStatus.Succeeded
                    ? $"run {run.Id} succeeded in {RunFormatting.Took(run)}"
                    : $"run {run.Id} {run.Status.ToString().ToLowerInvariant()}: {TerminalText.Escape(run.Error ?? "")}");
                return ExitCodes.Of(run.Status);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
    }
}

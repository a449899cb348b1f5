using Cocona;
using Vibe.Application.Robots.ListRobots;
using Vibe.Application.Robots.ValidateConfig;
using Vibe.Host.Output;

namespace Vibe.Host.Cli;

[ReportErrors]
internal sealed class RobotCommands
{
    private readonly CommandSession _session;
    private readonly Vibe.Application.Executors.ExecutorRegistry _registry;

    public RobotCommands(CommandSession session, Vibe.Application.Executors.ExecutorRegistry registry)
    {
        _session = session;
        _registry = registry;
    }

    [Command("schema", Description = "Print robots.schema.json for the executors this vibe has (for editors)")]
    public int Schema([Option("markdown", Description = "Print the action and option tables of the docs instead")] bool markdown = false)
    {
        Console.Out.Write(markdown ? ActionTables.Build(_registry) : RobotsSchema.Build(_registry));
        return ExitCodes.Success;
    }

    [Command("list-robots", Description = "List the declared robots with their schedules and next fire times")]
    public async Task<int> ListRobots([Option("json", Description = "Print JSON for scripts")] bool json = false)
    {
        // The pauses live in the store: read them when there is one; without one nothing can be paused.
        var opened = await _session.OpenExistingAsync();
        var withPauses = opened is not null;
        var pausesKnown = true;
        var (scope, mediator) = opened ?? _session.OpenWithoutStore();
        await using (scope)
        {
            IReadOnlyList<RobotSummary> robots;
            try
            {
                robots = await mediator.Send(new ListRobots(withPauses), _session.Cancellation);
            }
            catch (Exception ex) when (withPauses && Infrastructure.Persistence.StoreErrors.IsStoreError(ex))
            {
                // The robot files answer without the store (as list-robots always did); only the pauses are missing.
                Console.Error.WriteLine($"warning: pauses not shown: database error: {Infrastructure.Persistence.StoreErrors.Describe(ex)}");
                robots = await mediator.Send(new ListRobots(), _session.Cancellation);
                pausesKnown = false;
            }
            if (json)
            {
                JsonOutput.Write(robots.Select(RobotDocument.From));
                return ExitCodes.Success;
            }

            Table.Write(
                Console.Out,
                ["NAME", "EXECUTOR", "ENABLED", "PAUSED", "SCHEDULE", "TIME ZONE", "NEXT FIRE TIME", "FILE"],
                robots.Select(robot => (IReadOnlyList<string>)
                [
                    robot.Name, robot.Executor, robot.Enabled ? "yes" : "no", pausesKnown ? PauseText(robot) : "?", robot.Schedule ?? "-", robot.TimeZone ?? "-",
                    robot.NextFireTime?.ToString("yyyy-MM-dd HH:mm:ss zzz") ?? (robot.NeverFires ? "never" : "-"), robot.SourceFile,
                ]));
            return ExitCodes.Success;
        }
    }

    private static string PauseText(RobotSummary robot) => robot.Pause switch
    {
        { Paused: true, PausedUntil: { } until } => $"until {until.ToLocalTime():yyyy-MM-dd HH:mm zzz}",
        { Paused: true } => "yes",
        _ => "no",
    };

    [Command("validate", Description = "Check robots.json, robots.d/ and .env; print every problem")]
    public async Task<int> Validate([Option("json", Description = "Print JSON for scripts")] bool json = false)
    {
        var (scope, mediator) = _session.OpenWithoutStore();
        await using (scope)
        {
            var report = await mediator.Send(new ValidateConfig(), _session.Cancellation);
            var warnings = report.AllWarnings.ToList();
            if (json)
            {
                JsonOutput.Write(new
                {
                    valid = report.IsValid,
                    files = report.Files,
                    robots = report.RobotCount,
                    warnings,
                    errors = report.Errors.Select(error => new { file = error.File, robot = error.Robot, path = error.Path, line = error.Line, column = error.Column, message = error.Message }),
                });
                return report.IsValid ? ExitCodes.Success : ExitCodes.Failed;
            }

            // Warnings, not errors: the owner may share a file on purpose, a robot may be parked on a cron that never fires.
            foreach (var warning in warnings)
            {
                Console.Error.WriteLine($"warning: {warning}");
            }

            if (report.IsValid)
            {
                Console.Out.WriteLine($"ok: {report.RobotCount} robot(s) in {report.Files.Count} file(s)");
            }
            else
            {
                foreach (var error in report.Errors)
                {
                    Console.Error.WriteLine(error.ToString());
                }

                Console.Error.WriteLine($"{report.Errors.Count} error(s)");
            }

            return report.IsValid ? ExitCodes.Success : ExitCodes.Failed;
        }
    }
}

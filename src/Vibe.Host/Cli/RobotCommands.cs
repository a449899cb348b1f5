using Cocona;
using Vibe.Application.Robots.ListRobots;
using Vibe.Application.Robots.ValidateConfig;
using Vibe.Host.Output;

namespace Vibe.Host.Cli;

[ReportErrors]
internal sealed class RobotCommands
{
    private readonly CommandSession _session;

    public RobotCommands(CommandSession session) => _session = session;

    [Command("list-robots", Description = "List the declared robots with their schedules and next fire times")]
    public async Task<int> ListRobots([Option("json", Description = "Print JSON for scripts")] bool json = false)
    {
        var (scope, mediator) = await _session.OpenAsync();
        await using (scope)
        {
            var robots = await mediator.Send(new ListRobots(), _session.Cancellation);
            if (json)
            {
                JsonOutput.Write(robots.Select(robot => new
                {
                    name = robot.Name,
                    description = robot.Description,
                    executor = robot.Executor,
                    enabled = robot.Enabled,
                    schedule = robot.Schedule,
                    timeZone = robot.TimeZone,
                    nextFireTime = robot.NextFireTime,
                    file = robot.SourceFile,
                }));
                return ExitCodes.Success;
            }

            Table.Write(
                Console.Out,
                ["NAME", "EXECUTOR", "ENABLED", "SCHEDULE", "TIME ZONE", "NEXT FIRE TIME", "FILE"],
                robots.Select(robot => (IReadOnlyList<string>)
                [
                    robot.Name, robot.Executor, robot.Enabled ? "yes" : "no", robot.Schedule ?? "-", robot.TimeZone ?? "-",
                    robot.NextFireTime?.ToString("yyyy-MM-dd HH:mm:ss zzz") ?? "-", robot.SourceFile,
                ]));
            return ExitCodes.Success;
        }
    }

    [Command("validate", Description = "Check robots.json, robots.d/ and .env; print every problem")]
    public async Task<int> Validate([Option("json", Description = "Print JSON for scripts")] bool json = false)
    {
        var (scope, mediator) = await _session.OpenAsync();
        await using (scope)
        {
            var report = await mediator.Send(new ValidateConfig(), _session.Cancellation);
            if (json)
            {
                JsonOutput.Write(new
                {
                    valid = report.IsValid,
                    files = report.Files,
                    robots = report.RobotCount,
                    errors = report.Errors.Select(error => new { file = error.File, robot = error.Robot, path = error.Path, line = error.Line, column = error.Column, message = error.Message }),
                });
            }
            else if (report.IsValid)
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

using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Cocona;
using Vibe.Application.Robots.PauseRobot;
using Vibe.Application.Robots.ResumeRobot;
using Vibe.Application.Runs.CancelRun;
using Vibe.Domain.Robots;

namespace Vibe.Host.Cli;

/// <summary>
/// An operator steers robots and runs through the store, so every host sharing it honours the request: pause and
/// resume a robot's schedule, cancel a run. Each is recorded with the account that asked.
/// </summary>
[ReportErrors]
internal sealed class ControlCommands(CommandSession session, TimeProvider time)
{
    [Command("pause", Description = "Pause a robot's schedule on every host: its fire times are recorded Skipped \"paused\"")]
    public async Task<int> Pause(
        [Argument(Description = "The robot's name")] string robot,
        [Option("until", Description = "Resume by itself at this time (2026-12-24T18:00, 2026-12-24 18:00+01:00, or a duration from now: 2h, 30m)")] string? until = null,
        [Option("reason", Description = "Why, shown in list-robots and the dashboard")] string? reason = null)
    {
        var end = until is null ? (DateTime?)null : ParseUntil(until, time.GetUtcNow());
        var (scope, mediator) = await session.OpenAsync();
        await using (scope)
        {
            var state = await mediator.Send(new PauseRobot(robot, end, reason, Operator.Name), session.Cancellation);
            Console.Out.WriteLine(state.PausedUntil is { } at
                ? $"{state.Robot} paused until {at.ToLocalTime():yyyy-MM-dd HH:mm:ss zzz}; its fire times until then are recorded Skipped"
                : $"{state.Robot} paused; its fire times are recorded Skipped until `vibe resume {state.Robot}`");
            return ExitCodes.Success;
        }
    }

    [Command("resume", Description = "Resume a paused robot's schedule on every host")]
    public async Task<int> Resume([Argument(Description = "The robot's name")] string robot)
    {
        var (scope, mediator) = await session.OpenAsync();
        await using (scope)
        {
            var outcome = await mediator.Send(new ResumeRobot(robot, Operator.Name), session.Cancellation);
            Console.Out.WriteLine(outcome.WasPaused ? $"{outcome.Robot} resumed" : $"{outcome.Robot} was not paused");
            return ExitCodes.Success;
        }
    }

    [Command("cancel", Description = "Cancel a run: a queued one is withdrawn, a running one is stopped by the host running it")]
    public async Task<int> Cancel(
        [Argument(Description = "The run's id")][Range(typeof(long), "1", "9223372036854775807", ErrorMessage = "<id> must be a run id: a positive number")] long id)
    {
        var (scope, mediator) = await session.OpenAsync();
        await using (scope)
        {
            var outcome = await mediator.Send(new CancelRun(id, Operator.Name), session.Cancellation);
            Console.Out.WriteLine(outcome.Withdrawn
                ? $"run {id} withdrawn: it was still queued"
                : $"run {id}: cancel requested; {outcome.Run.Host ?? "its host"} stops it within seconds (follow it with `vibe status {id}`)");
            return ExitCodes.Success;
        }
    }

    /// <summary>An ISO 8601 time (local time when it names no offset) or a duration from now, as UTC.</summary>
    internal static DateTime ParseUntil(string text, DateTimeOffset now)
    {
        if (Duration.TryParse(text, out var duration) && duration > TimeSpan.Zero)
        {
            return (now + duration).UtcDateTime;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal | DateTimeStyles.AllowWhiteSpaces, out var at))
        {
            return at.UtcDateTime;
        }

        throw new CommandLineException(
            $"--until must be a time (2026-12-24T18:00, with an optional offset) or a duration (2h, 30m), not '{text}'",
            "usage: vibe pause <robot> [--until <until>] [--reason <reason>]");
    }
}

/// <summary>Who the CLI acts for: the account that runs it, as the store records it.</summary>
internal static class Operator
{
    public static string Name => Environment.UserName is { Length: > 0 } name ? name : "unknown";
}

using System.ComponentModel.DataAnnotations;
using Cocona;
using Vibe.Application.Robots.ListRobots;
using Vibe.Application.Runs;
using Vibe.Application.Services.GetServiceStatus;
using Vibe.Application.Runs.GetRun;
using Vibe.Application.Runs.ListRuns;
using Vibe.Host.Output;

namespace Vibe.Host.Cli;

[ReportErrors]
internal sealed class StatusCommands
{
    private readonly CommandSession _session;

    public StatusCommands(CommandSession session) => _session = session;

    [Command("status", Description = "Show the latest runs, or one run with its log when given an id")]
    public async Task<int> Status(
        [Argument(Description = "A run id: show that run and its log lines")][Range(typeof(long), "1", "9223372036854775807", ErrorMessage = "<id> must be a run id: a positive number")] long? id = null,
        [Option("limit", Description = "How many runs to list (1 to 10000)")][Range(1, 10_000, ErrorMessage = "--limit must be between 1 and 10000")] int limit = 20,
        [Option("robot", Description = "Only the runs of this robot")] string? robot = null,
        [Option("json", Description = "Print JSON for scripts")] bool json = false)
    {
        if (await _session.OpenExistingAsync() is not var (scope, mediator))
        {
            if (id is { } missing)
            {
                throw Application.Common.Errors.VibeException.NotFound($"no run with id {missing} ({_session.NoStoreYet})");
            }

            if (robot is not null && !await _session.IsDeclaredAsync(robot))
            {
                throw Application.Common.Errors.VibeException.NotFound($"no robot named '{robot}' (see vibe list-robots)");
            }

            Console.Out.WriteLine(json ? "[]" : _session.NoStoreYet);
            return ExitCodes.Success;
        }

        await using (scope)
        {
            if (id is { } runId)
            {
                var details = await mediator.Send(new GetRun(runId), _session.Cancellation);
                if (json)
                {
                    JsonOutput.Write(RunDetailsDocument.From(details));
                }
                else
                {
                    PrintDetails(details);
                }

                return ExitCodes.Success;
            }

            var runs = await mediator.Send(new ListRuns(limit, robot), _session.Cancellation);
            if (json)
            {
                JsonOutput.Write(runs.Select(RunFormatting.ToJson));
                return ExitCodes.Success;
            }

            await PrintServiceAsync(mediator);

            if (runs.Count == 0)
            {
                Console.Out.WriteLine("no runs yet (start one with `vibe run-now <robot>`)");
                return ExitCodes.Success;
            }

            Table.Write(
                Console.Out,
                ["ID", "ROBOT", "STATUS", "TRIGGER", "ATTEMPT", "QUEUED", "STARTED", "TOOK", "HOST", "ERROR"],
                runs.Select(run => (IReadOnlyList<string>)
                [
                    run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), run.Robot, run.Status.ToString(), RunFormatting.Trigger(run),
                    RunFormatting.Attempts(run), RunFormatting.Time(run.QueuedAt), RunFormatting.Time(run.StartedAt), RunFormatting.Took(run),
                    run.Host ?? "-", Shorten(run.Error),
                ]));
            return ExitCodes.Success;
        }
    }

    /// <summary>Whether a service runs (on any host sharing the database), what it runs, and what fires next.</summary>
    private async Task PrintServiceAsync(Mediator.IMediator mediator)
    {
        var services = await mediator.Send(new GetServiceStatus(), _session.Cancellation);
        if (services.Count == 0)
        {
            Console.Out.WriteLine("service: not running (start it with `vibe start-service`)");
        }

        foreach (var service in services)
        {
            var current = service.CurrentRunId is { } id ? $", running run {id}" : ", idle";
            var labels = service.Labels.Count == 0 ? "" : $" [labels: {string.Join(", ", service.Labels)}]";
            Console.Out.WriteLine($"service: running on {service.Host}{labels} (pid {service.ProcessId}) since {RunFormatting.Time(service.StartedAt)}{current}");
        }

        try
        {
            var next = (await mediator.Send(new ListRobots(), _session.Cancellation))
                .Where(robot => robot.NextFireTime is not null)
                .OrderBy(robot => robot.NextFireTime)
                .Select(robot => $"{robot.Name} {robot.NextFireTime:yyyy-MM-dd HH:mm:ss} ({robot.TimeZone})")
                .ToList();
            if (next.Count > 0)
            {
                Console.Out.WriteLine($"next:    {string.Join("; ", next)}");
            }
        }
        catch (Vibe.Application.Common.Errors.VibeException)
        {
            Console.Out.WriteLine("next:    unknown: the robot files have errors (see `vibe validate`)");
        }

        Console.Out.WriteLine();
    }

    private static void PrintDetails(RunDetails details)
    {
        var run = details.Run;
        var output = Console.Out;
        output.WriteLine($"Run {run.Id}: {run.Robot}");
        output.WriteLine($"  status     {run.Status}");
        output.WriteLine($"  trigger    {RunFormatting.Trigger(run)}{(run.RerunOfId is { } r ? $" (reruns run {r})" : "")}{(run.RetryOfId is { } f ? $" (retries run {f})" : "")}");
        output.WriteLine($"  attempt    {RunFormatting.Attempts(run)}");
        output.WriteLine($"  queued     {RunFormatting.Time(run.QueuedAt)}");
        output.WriteLine($"  started    {RunFormatting.Time(run.StartedAt)}");
        output.WriteLine($"  finished   {RunFormatting.Time(run.FinishedAt)}  ({RunFormatting.Took(run)})");
        output.WriteLine($"  host       {run.Host ?? "-"}");
        if (run.ScheduledFireTime is { } fire)
        {
            output.WriteLine($"  fire time  {RunFormatting.Time(fire)}");
        }

        if (run.Error is not null)
        {
            output.WriteLine($"  error      {TerminalText.Escape(run.Error)}");
        }

        if (run.FailedStepIndex is { } step)
        {
            output.WriteLine($"  failed at  step #{step + 1} {run.FailedAction}");
        }

        if (run.EvidencePath is not null)
        {
            output.WriteLine($"  evidence   {OnDisk(run.EvidencePath, Directory.Exists)}");
        }

        if (run.ScreenshotPath is not null)
        {
            output.WriteLine($"  screenshot {OnDisk(run.ScreenshotPath, File.Exists)}");
        }

        if (run.DefinitionHash is not null)
        {
            output.WriteLine($"  definition {run.DefinitionHash[..12]}");
        }

        if (details.Attempts.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Attempts:");
            foreach (var attempt in details.Attempts)
            {
                var marker = attempt.Id == run.Id ? "*" : " ";
                output.WriteLine($" {marker}{RunFormatting.Attempts(attempt)}  run {attempt.Id}  {attempt.Status}  {RunFormatting.Time(attempt.StartedAt ?? attempt.DueAt)}  {Shorten(attempt.Error)}");
                if (attempt.EvidencePath is not null)
                {
                    output.WriteLine($"        evidence {OnDisk(attempt.EvidencePath, Directory.Exists)}");
                }
            }
        }

        if (details.Files.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"Files ({(details.Files.Any(file => file.Available) ? $"write them to a folder with `vibe evidence {run.Id}`" : "none here or in the store")}):");
            foreach (var file in details.Files)
            {
                var size = file.Length is { } length ? Vibe.Application.Runs.StoreRunEvidence.KeptOnHostLine.Size(length) : "size unknown here";
                var where = file.Stored ? "in the store" : file.Here ? "only on this host, not in the store" : $"only on {file.Host}, not in the store";
                output.WriteLine($"  {TerminalText.Escape(file.Name)}  {size}  {where}");
            }
        }

        output.WriteLine();
        output.WriteLine("Log:");
        if (details.Log.Count == 0)
        {
            output.WriteLine("  (no lines)");
        }

        foreach (var line in details.Log)
        {
            output.WriteLine("  " + ConsoleRunPrinter.Format(line.Time, line.Level, line.StepIndex, line.Message));
        }
    }

    /// <summary>Retention removes old evidence while the run keeps its path; say so rather than point at nothing.</summary>
    private static string OnDisk(string path, Func<string, bool> exists) => exists(path) ? path : $"{path} (no longer on disk)";

    private static string Shorten(string? text) =>
        text is null ? "" : TerminalText.Escape(text.Length <= 60 ? text : text[..57] + "...");
}

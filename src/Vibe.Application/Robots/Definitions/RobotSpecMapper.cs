using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Vibe.Domain.Robots;

namespace Vibe.Application.Robots.Definitions;

/// <summary>Applies the defaults block to a robot, and turns a validated robot into its domain definition.</summary>
public static class RobotSpecMapper
{
    private static readonly JsonSerializerOptions HashOptions = new(JsonSerializerDefaults.Web) { WriteIndented = false, TypeInfoResolver = RobotSpecJsonContext.Default };

    /// <summary>The robot with every value it leaves out taken from <paramref name="defaults"/>.</summary>
    public static RobotSpec ApplyDefaults(RobotSpec robot, RobotDefaultsSpec? defaults)
    {
        if (defaults is null)
        {
            return robot;
        }

        var schedule = robot.Schedule is null ? null : new ScheduleSpec
        {
            Cron = robot.Schedule.Cron,
            TimeZone = robot.Schedule.TimeZone ?? defaults.TimeZone,
            Misfire = robot.Schedule.Misfire ?? defaults.Misfire,
            Overlap = robot.Schedule.Overlap ?? defaults.Overlap,
            MaxCatchUpRuns = robot.Schedule.MaxCatchUpRuns,
        };
        return new RobotSpec
        {
            Name = robot.Name,
            Description = robot.Description,
            Enabled = robot.Enabled ?? defaults.Enabled,
            Executor = robot.Executor ?? defaults.Executor,
            Schedule = schedule,
            Retry = robot.Retry ?? defaults.Retry,
            Timeout = robot.Timeout ?? defaults.Timeout,
            OnInterrupt = robot.OnInterrupt,
            Notify = robot.Notify ?? defaults.Notify,
            Hosts = robot.Hosts ?? defaults.Hosts,
            Steps = robot.Steps,
            Extra = robot.Extra,
        };
    }

    /// <summary>The domain definition of a robot that passed <see cref="RobotSpecValidator"/>.</summary>
    /// <param name="sourceFile">The file, relative to the configuration folder (for messages).</param>
    /// <param name="folder">The file's absolute folder, where the robot's relative paths start.</param>
    public static RobotDefinition ToDefinition(RobotSpec robot, string sourceFile, string folder = "")
    {
        var executor = robot.Executor!;
        JsonElement? options = null;
        if (robot.Extra is not null)
        {
            foreach (var (key, value) in robot.Extra)
            {
                if (string.Equals(key, executor, StringComparison.OrdinalIgnoreCase))
                {
                    options = value.Clone();
                }
            }
        }

        return new RobotDefinition
        {
            Name = robot.Name!,
            Description = robot.Description ?? "",
            Enabled = robot.Enabled ?? true,
            Executor = executor,
            Schedule = robot.Schedule is { } schedule ? ToSchedule(schedule) : null,
            Retry = robot.Retry is { } retry ? ToRetry(retry) : RetryPolicy.None,
            Timeout = robot.Timeout is { } timeout ? Duration.Parse(timeout) : TimeSpan.FromMinutes(30),
            OnInterrupt = robot.OnInterrupt == "drop" ? InterruptPolicy.Drop : InterruptPolicy.Requeue,
            Notify = robot.Notify is { } notify
                ? new NotifyPolicy(notify.To ?? [], notify.ReplaceDefaults ?? false, notify.OnEveryAttempt ?? false, notify.OnRecovery ?? false)
                : NotifyPolicy.Default,
            Hosts = robot.Hosts ?? [],
            Steps = (robot.Steps ?? []).Select(ToStep).ToList(),
            ExecutorOptions = options,
            SourceFile = sourceFile,
            Folder = folder,
            DefinitionHash = Hash(robot),
        };
    }

    private static RobotSchedule ToSchedule(ScheduleSpec schedule) => new(
        schedule.Cron!,
        schedule.TimeZone ?? "UTC",
        schedule.Misfire switch
        {
            "skip" => MisfirePolicy.Skip,
            "runAll" => MisfirePolicy.RunAll,
            _ => MisfirePolicy.RunOnce,
        },
        schedule.Overlap == "queue" ? OverlapPolicy.Queue : OverlapPolicy.Skip,
        schedule.MaxCatchUpRuns ?? 10);

    private static RetryPolicy ToRetry(RetrySpec retry)
    {
        var delay = retry.Delay is { } d ? Duration.Parse(d) : TimeSpan.FromSeconds(30);
        var maxDelay = retry.MaxDelay is { } m ? Duration.Parse(m) : TimeSpan.FromMinutes(10);
        return new RetryPolicy(
            retry.MaxAttempts ?? 1,
            delay,
            retry.BackoffFactor ?? 2,
            maxDelay < delay ? delay : maxDelay,
            retry.Jitter ?? true,
            retry.RetryOn switch
            {
                "timeout" => RetryOn.Timeout,
                "errorPattern" => RetryOn.ErrorPattern,
                _ => RetryOn.Any,
            },
            retry.ErrorPattern);
    }

    private static RobotStep ToStep(StepSpec step, int index) => new()
    {
        Index = index,
        Action = step.Action!,
        Name = step.Name,
        Parameters = (step.Parameters ?? []).ToDictionary(pair => pair.Key, pair => pair.Value.Clone(), StringComparer.OrdinalIgnoreCase),
        Retry = step.Retry is { } retry
            ? new StepRetry(retry.Attempts ?? 1, retry.Delay is { } delay ? Duration.Parse(delay) : TimeSpan.FromSeconds(1))
            : null,
    };

    private static string Hash(RobotSpec robot)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(robot, HashOptions);
        return Convert.ToHexStringLower(SHA256.HashData(json));
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vibe.Application.Robots.Definitions;

/// <summary>robots.json as written: a "defaults" block and a list of robots. Mirrors robots.schema.json.</summary>
public sealed class RobotFileSpec
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    public RobotDefaultsSpec? Defaults { get; set; }

    public List<RobotSpec>? Robots { get; set; }
}

/// <summary>Values a robot leaves out are taken from here.</summary>
public sealed class RobotDefaultsSpec
{
    public string? Executor { get; set; }

    public bool? Enabled { get; set; }

    public string? Timeout { get; set; }

    public string? TimeZone { get; set; }

    public string? Misfire { get; set; }

    public string? Overlap { get; set; }

    public RetrySpec? Retry { get; set; }

    [JsonConverter(typeof(NotifySpecConverter))]
    public NotifySpec? Notify { get; set; }

    public List<string>? Hosts { get; set; }
}

/// <summary>One robot as written in robots.json or a robots.d/ file.</summary>
public sealed class RobotSpec
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public bool? Enabled { get; set; }

    public string? Executor { get; set; }

    public ScheduleSpec? Schedule { get; set; }

    public RetrySpec? Retry { get; set; }

    public string? Timeout { get; set; }

    /// <summary>requeue (default) or drop: a run interrupted by the service stopping. Left out of the definition hash when unset.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OnInterrupt { get; set; }

    [JsonConverter(typeof(NotifySpecConverter))]
    public NotifySpec? Notify { get; set; }

    public List<string>? Hosts { get; set; }

    public List<StepSpec>? Steps { get; set; }

    /// <summary>Executor option blocks ("web": {...}) and "$schema"; anything else is reported as unknown.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class ScheduleSpec
{
    public string? Cron { get; set; }

    public string? TimeZone { get; set; }

    /// <summary>runOnce (default), skip, runAll.</summary>
    public string? Misfire { get; set; }

    /// <summary>skip (default) or queue.</summary>
    public string? Overlap { get; set; }

    /// <summary>The most catch-up runs runAll queues (default 10).</summary>
    public int? MaxCatchUpRuns { get; set; }
}

public sealed class RetrySpec
{
    public int? MaxAttempts { get; set; }

    public string? Delay { get; set; }

    public double? BackoffFactor { get; set; }

    public string? MaxDelay { get; set; }

    public bool? Jitter { get; set; }

    /// <summary>any (default), timeout, or errorPattern (then ErrorPattern is required).</summary>
    public string? RetryOn { get; set; }

    public string? ErrorPattern { get; set; }
}

public sealed class NotifySpec
{
    public List<string>? To { get; set; }

    public bool? ReplaceDefaults { get; set; }

    public bool? OnEveryAttempt { get; set; }

    public bool? OnRecovery { get; set; }
}

public sealed class StepSpec
{
    public string? Action { get; set; }

    public string? Name { get; set; }

    public StepRetrySpec? Retry { get; set; }

    /// <summary>The action's own parameters.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Parameters { get; set; }
}

public sealed class StepRetrySpec
{
    public int? Attempts { get; set; }

    public string? Delay { get; set; }
}

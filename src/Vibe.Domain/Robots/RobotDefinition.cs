using System.Text.Json;

namespace Vibe.Domain.Robots;

/// <summary>A validated robot from robots.json or robots.d/, with the defaults already applied.</summary>
public sealed record RobotDefinition
{
    public required string Name { get; init; }

    public string Description { get; init; } = "";

    public bool Enabled { get; init; } = true;

    /// <summary>Name of the executor that runs the steps ("web", "desktop", "shell", ...).</summary>
    public required string Executor { get; init; }

    public RobotSchedule? Schedule { get; init; }

    public RetryPolicy Retry { get; init; } = RetryPolicy.None;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>What happens to a run the service's stop interrupts: queued again (default) or dropped.</summary>
    public InterruptPolicy OnInterrupt { get; init; } = InterruptPolicy.Requeue;

    public NotifyPolicy Notify { get; init; } = NotifyPolicy.Default;

    /// <summary>Host names or labels allowed to run it; empty means any host.</summary>
    public IReadOnlyList<string> Hosts { get; init; } = [];

    public required IReadOnlyList<RobotStep> Steps { get; init; }

    /// <summary>The executor's own settings block (for example "web": { "headless": true }), uninterpreted here.</summary>
    public JsonElement? ExecutorOptions { get; init; }

    /// <summary>The file the robot was declared in, relative to the configuration folder, for messages.</summary>
    public required string SourceFile { get; init; }

    /// <summary>
    /// The absolute folder of that file: relative paths in the robot (pages, uploads, profiles, template images)
    /// start here, whatever the current folder. Empty for a definition built without a file.
    /// </summary>
    public string Folder { get; init; } = "";

    /// <summary>Hash of the effective definition; recorded on every run.</summary>
    public required string DefinitionHash { get; init; }
}

using Microsoft.Extensions.Options;

namespace Vibe.Infrastructure.Service;

/// <summary>
/// The service's timings (VIBE_SERVICE_* in .env, as hh:mm:ss). A dead worker's run is marked Abandoned at the
/// latest LeaseDuration + SweepInterval after its last heartbeat.
/// </summary>
public sealed class ServiceOptions
{
    public const string Section = "Service";

    /// <summary>How often an idle worker looks for runs queued by another process (VIBE_SERVICE_POLL_INTERVAL). Default 1 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a stopping service lets the current run finish before cancelling it (VIBE_SERVICE_SHUTDOWN_GRACE). Default 30 s.</summary>
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a claimed run stays reserved without a heartbeat (VIBE_SERVICE_LEASE). Renewed every third of it. Default 60 s.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often expired leases are swept and missed fire times caught up (VIBE_SERVICE_SWEEP_INTERVAL). Default 15 s.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A fire time this much overdue and still unrecorded is treated as missed (VIBE_SERVICE_MISFIRE_THRESHOLD). Default 30 s.</summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the service records that it is alive, for `vibe status` (VIBE_SERVICE_HEARTBEAT). Default 10 s.</summary>
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(10);
}

internal sealed class ServiceOptionsValidator : IValidateOptions<ServiceOptions>
{
    public ValidateOptionsResult Validate(string? name, ServiceOptions options)
    {
        var failures = new List<string>();
        Positive(options.PollInterval, "VIBE_SERVICE_POLL_INTERVAL", failures);
        Positive(options.Lease, "VIBE_SERVICE_LEASE", failures);
        Positive(options.SweepInterval, "VIBE_SERVICE_SWEEP_INTERVAL", failures);
        Positive(options.Heartbeat, "VIBE_SERVICE_HEARTBEAT", failures);
        if (options.ShutdownGrace < TimeSpan.Zero)
        {
            failures.Add("VIBE_SERVICE_SHUTDOWN_GRACE must not be negative");
        }

        if (options.MisfireThreshold < TimeSpan.Zero)
        {
            failures.Add("VIBE_SERVICE_MISFIRE_THRESHOLD must not be negative");
        }

        if (options.Lease < TimeSpan.FromSeconds(3))
        {
            failures.Add("VIBE_SERVICE_LEASE must be at least 00:00:03 (it is renewed every third)");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(TimeSpan value, string key, List<string> failures)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{key} must be a positive duration (hh:mm:ss)");
        }
    }
}

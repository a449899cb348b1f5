using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Vibe.Application.Common.Interfaces;
using Vibe.Domain.Robots;
using Vibe.Infrastructure.Configuration;

namespace Vibe.Infrastructure.Service;

/// <summary>
/// The service's timings (VIBE_SERVICE_* in .env, as hh:mm:ss or 30s, 5m). A dead worker's run is marked Abandoned at
/// the latest LeaseDuration + SweepInterval after its last heartbeat.
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

    /// <summary>
    /// How far back the housekeeping looks for fire times that left no row (VIBE_SERVICE_CATCH_UP_WINDOW), besides
    /// those after a robot's newest recorded one. Default 24 h.
    /// </summary>
    public TimeSpan CatchUpWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Reads the VIBE_SERVICE_* settings. A value that is not a duration keeps its default here and is reported by
    /// <see cref="ServiceSettingsCheck"/> (at `vibe validate` and at start-up), never thrown by a configuration binder.
    /// </summary>
    public static ServiceOptions Read(IConfiguration configuration) => ReadInto(new ServiceOptions(), configuration);

    /// <summary>As <see cref="Read"/>, into an existing instance (the one the options system builds).</summary>
    public static ServiceOptions ReadInto(ServiceOptions options, IConfiguration configuration)
    {
        foreach (var setting in ServiceSettings.All)
        {
            if (Duration.TryParse(configuration[$"{Section}:{setting.Property}"], out var value))
            {
                setting.Set(options, value);
            }
        }

        return options;
    }
}

/// <summary>The VIBE_SERVICE_* settings: their .env names, and the rules each value must meet.</summary>
public static class ServiceSettings
{
    public static readonly IReadOnlyList<ServiceSetting> All =
    [
        new("VIBE_SERVICE_POLL_INTERVAL", nameof(ServiceOptions.PollInterval), (o, v) => o.PollInterval = v, AllowZero: false),
        new("VIBE_SERVICE_SHUTDOWN_GRACE", nameof(ServiceOptions.ShutdownGrace), (o, v) => o.ShutdownGrace = v, AllowZero: true),
        new("VIBE_SERVICE_LEASE", nameof(ServiceOptions.Lease), (o, v) => o.Lease = v, AllowZero: false),
        new("VIBE_SERVICE_SWEEP_INTERVAL", nameof(ServiceOptions.SweepInterval), (o, v) => o.SweepInterval = v, AllowZero: false),
        new("VIBE_SERVICE_MISFIRE_THRESHOLD", nameof(ServiceOptions.MisfireThreshold), (o, v) => o.MisfireThreshold = v, AllowZero: true),
        new("VIBE_SERVICE_HEARTBEAT", nameof(ServiceOptions.Heartbeat), (o, v) => o.Heartbeat = v, AllowZero: false),
        new("VIBE_SERVICE_CATCH_UP_WINDOW", nameof(ServiceOptions.CatchUpWindow), (o, v) => o.CatchUpWindow = v, AllowZero: true),
    ];

    /// <summary>Every problem with the VIBE_SERVICE_* values as written, one line each.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        var problems = new List<string>();
        foreach (var setting in All)
        {
            var text = configuration[$"{ServiceOptions.Section}:{setting.Property}"];
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (Duration.Problem(setting.Key, text, "hh:mm:ss or 30s, 5m") is { } problem)
            {
                problems.Add(problem);
            }
            else if (!setting.AllowZero && Duration.Parse(text) <= TimeSpan.Zero)
            {
                problems.Add($"{setting.Key} is '{text}'; it must be longer than zero");
            }
        }

        var options = ServiceOptions.Read(configuration);
        if (options.Lease > TimeSpan.Zero && options.Lease < TimeSpan.FromSeconds(3))
        {
            problems.Add("VIBE_SERVICE_LEASE must be at least 00:00:03 (it is renewed every third)");
        }

        return problems;
    }
}

public sealed record ServiceSetting(string Key, string Property, Action<ServiceOptions, TimeSpan> Set, bool AllowZero);

/// <summary>`vibe validate` and the service's start-up report every VIBE_SERVICE_* value that is not a usable duration.</summary>
internal sealed class ServiceSettingsCheck(IConfiguration configuration, VibeLocations locations) : ISettingsCheck, IValidateOptions<ServiceOptions>
{
    public IEnumerable<ConfigError> Check() => ServiceSettings.Problems(configuration).Select(problem => new ConfigError(locations.EnvFile, problem));

    public ValidateOptionsResult Validate(string? name, ServiceOptions options) =>
        ServiceSettings.Problems(configuration) is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}

using Vibe.Domain.Robots;

namespace Vibe.Infrastructure.Notifications;

/// <summary>
/// Who is told by default, how mails look and how the outbox is worked off: VIBE_NOTIFY_TO, VIBE_NOTIFY_TEMPLATE,
/// VIBE_NOTIFY_MAX_ATTACHMENT_KB, VIBE_NOTIFY_POLL_INTERVAL, VIBE_NOTIFY_RETRY_DELAY, VIBE_NOTIFY_MAX_RETRY_DELAY.
/// </summary>
public sealed class NotifyOptions
{
    public const string Section = "Notify";

    /// <summary>Comma-separated default recipients; a robot's "notify" adds to them (or replaces them with replaceDefaults).</summary>
    public string? To { get; set; }

    /// <summary>Path of a mail template file; relative to the configuration folder. Empty: the built-in template.</summary>
    public string? Template { get; set; }

    /// <summary>Screenshots larger than this are not attached (the mail says where the file is). Default 2048 KB.</summary>
    public int MaxAttachmentKb { get; set; } = 2048;

    /// <summary>How often the service looks for mails to send (a duration such as 5s). Default 5s.</summary>
    public string? PollInterval { get; set; }

    /// <summary>The wait after a mail's first failed delivery; it doubles with every further failure. Default 30s.</summary>
    public string? RetryDelay { get; set; }

    /// <summary>The longest wait between two deliveries of a mail, so a mail arrives soon after the server is back. Default 10m.</summary>
    public string? MaxRetryDelay { get; set; }

    public IReadOnlyList<string> DefaultRecipients =>
        (To ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal TimeSpan PollIntervalOrDefault => Parse(PollInterval, TimeSpan.FromSeconds(5));

    internal TimeSpan RetryDelayOrDefault => Parse(RetryDelay, TimeSpan.FromSeconds(30));

    internal TimeSpan MaxRetryDelayOrDefault => Parse(MaxRetryDelay, TimeSpan.FromMinutes(10));

    /// <summary>The wait before the next delivery of a mail that has failed <paramref name="failedAttempts"/> times.</summary>
    internal TimeSpan BackoffAfter(int failedAttempts)
    {
        var first = RetryDelayOrDefault.TotalSeconds;
        var seconds = first * Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 30));
        return TimeSpan.FromSeconds(Math.Min(seconds, Math.Max(first, MaxRetryDelayOrDefault.TotalSeconds)));
    }

    private static TimeSpan Parse(string? text, TimeSpan fallback) =>
        Duration.TryParse(text, out var value) && value > TimeSpan.Zero ? value : fallback;
}

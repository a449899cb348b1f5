using System.Globalization;
using Microsoft.Extensions.Options;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Executors;
using Vibe.Application.Notifications;
using Vibe.Domain.Notifications;
using Vibe.Domain.Robots;
using Vibe.Domain.Runs;
using Vibe.Infrastructure.Configuration;

namespace Vibe.Infrastructure.Notifications;

/// <summary>Renders failure and recovery mails from the template; every value is masked for secrets.</summary>
internal sealed class MailComposer : IMailComposer
{
    private readonly NotifyOptions _options;
    private readonly VibeLocations _locations;
    private readonly ISecretMasker _masker;
    private readonly IScheduleCalendar _calendar;
    private readonly TimeProvider _time;

    public MailComposer(IOptions<NotifyOptions> options, VibeLocations locations, ISecretMasker masker, IScheduleCalendar calendar, TimeProvider time)
    {
        _options = options.Value;
        _locations = locations;
        _masker = masker;
        _calendar = calendar;
        _time = time;
    }

    public OutboxMail? Compose(NotificationKind kind, TaskRun run, RobotDefinition robot)
    {
        var recipients = robot.Notify.ReplaceDefaults
            ? robot.Notify.To
            : _options.DefaultRecipients.Concat(robot.Notify.To).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (recipients.Count == 0)
        {
            return null;
        }

        var failedAt = run.FinishedAt ?? _time.GetUtcNow().UtcDateTime;
        var zone = robot.Schedule is { } schedule ? schedule : new RobotSchedule("0 0 0 * * ?", "UTC");
        var local = _calendar.ToScheduleTime(zone, new DateTimeOffset(failedAt, TimeSpan.Zero));
        var outcome = kind == NotificationKind.Recovery ? "succeeded again" : run.Status == RunStatus.Failed ? "failed" : run.Status.ToString().ToLowerInvariant();
        var subject = kind == NotificationKind.Recovery
            ? $"[vibe] {robot.Name} recovered on {run.Host}"
            : $"[vibe] {robot.Name} {outcome} (attempt {run.Attempt}/{run.MaxAttempts}) on {run.Host}";

        var values = new Dictionary<string, string>
        {
            ["robot"] = robot.Name,
            ["outcome"] = outcome,
            ["host"] = run.Host ?? "-",
            ["runId"] = run.Id.ToString(CultureInfo.InvariantCulture),
            ["attempt"] = run.Attempt.ToString(CultureInfo.InvariantCulture),
            ["maxAttempts"] = run.MaxAttempts.ToString(CultureInfo.InvariantCulture),
            ["trigger"] = run.Trigger.ToString().ToLowerInvariant(),
            ["failedAtUtc"] = failedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            ["failedAtLocal"] = local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            ["timeZone"] = zone.TimeZone,
            ["step"] = run.FailedStepIndex is { } index ? $"#{index + 1} {run.FailedAction}" : "-",
            ["error"] = run.Error ?? "-",
            ["evidence"] = run.EvidencePath ?? "-",
            ["nextAttempt"] = run.HasAttemptsLeft && run.Status.IsFailure() ? $"attempt {run.Attempt + 1} of {run.MaxAttempts} is queued" : "none",
        };
        var body = _masker.Mask(MailTemplate.Render(LoadTemplate(), values));
        var attachment = run.ScreenshotPath is { } screenshot && File.Exists(screenshot) && new FileInfo(screenshot).Length <= _options.MaxAttachmentKb * 1024L
            ? screenshot
            : null;
        var messageId = $"vibe.{kind.ToString().ToLowerInvariant()}.{run.Id}@{SafeHost(run.Host)}";
        return OutboxMail.Create(run.Id, kind.ToString().ToLowerInvariant(), recipients, _masker.Mask(subject), body, attachment, messageId, _time.GetUtcNow().UtcDateTime);
    }

    private string LoadTemplate()
    {
        if (string.IsNullOrWhiteSpace(_options.Template))
        {
            return MailTemplate.Default;
        }

        var path = Path.GetFullPath(_options.Template, _locations.ConfigDirectory);
        return File.Exists(path) ? File.ReadAllText(path) : MailTemplate.Default + $"\n(the template {path} was not found; this is the built-in one)\n";
    }

    private static string SafeHost(string? host)
    {
        var safe = new string((host ?? "").Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.').ToArray());
        return safe.Length > 0 ? safe : "vibe";
    }
}

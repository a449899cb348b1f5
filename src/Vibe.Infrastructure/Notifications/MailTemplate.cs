namespace Vibe.Infrastructure.Notifications;

/// <summary>
/// The mail body template: plain text with {placeholders}. Users copy docs/mail-template.txt, edit it and
/// point VIBE_NOTIFY_TEMPLATE at it. Unknown placeholders are left as they are, so a typo shows in the mail.
/// </summary>
internal static class MailTemplate
{
    public const string Default = """
        Robot {robot} {outcome} on {host}.

        Run:          {runId} (attempt {attempt} of {maxAttempts})
        Trigger:      {trigger}
        Failed at:    {failedAtUtc} UTC ({failedAtLocal} {timeZone})
        Step:         {step}
        Error:        {error}
        Evidence:     {evidence}
        Next attempt: {nextAttempt}

        See the whole log with: vibe status {runId}
        -- 
        vibe
        """;

    public static string Render(string template, IReadOnlyDictionary<string, string> values)
    {
        foreach (var (name, value) in values)
        {
            template = template.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return template;
    }
}

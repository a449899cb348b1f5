namespace Vibe.Infrastructure.Notifications;

/// <summary>Who is told by default and how mails look: VIBE_NOTIFY_TO, VIBE_NOTIFY_TEMPLATE, VIBE_NOTIFY_MAX_ATTACHMENT_KB.</summary>
public sealed class NotifyOptions
{
    public const string Section = "Notify";

    /// <summary>Comma-separated default recipients; a robot's "notify" adds to them (or replaces them with replaceDefaults).</summary>
    public string? To { get; set; }

    /// <summary>Path of a mail template file; relative to the configuration folder. Empty: the built-in template.</summary>
    public string? Template { get; set; }

    /// <summary>Screenshots larger than this are not attached (the mail says where the file is). Default 2048 KB.</summary>
    public int MaxAttachmentKb { get; set; } = 2048;

    public IReadOnlyList<string> DefaultRecipients =>
        (To ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

namespace Vibe.Infrastructure.Retention;

/// <summary>How long evidence and log lines are kept: VIBE_RETENTION_DAYS (default 30; 0 keeps everything).</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Evidence folders, run log lines and sent mails older than this many days are removed by the service.</summary>
    public int Days { get; set; } = 30;
}

using Vibe.Domain.Notifications;
using Vibe.Domain.Robots;
using Vibe.Domain.Runs;

namespace Vibe.Application.Notifications;

/// <summary>Renders a notification for a run into an outbox mail (template, recipients, attachment).</summary>
public interface IMailComposer
{
    /// <summary>The mail, or null when nobody is to be told (no recipients configured anywhere).</summary>
    OutboxMail? Compose(NotificationKind kind, TaskRun run, RobotDefinition robot);
}

public enum NotificationKind
{
    /// <summary>An attempt failed.</summary>
    Failure,

    /// <summary>A robot that had failed succeeded again.</summary>
    Recovery,
}

namespace Vibe.Domain.Robots;

/// <summary>
/// A robot an operator paused: its fire times are recorded Skipped ("paused") on every host until it is resumed, or
/// until <see cref="PausedUntil"/> passes (then it resumes by itself). Kept in the store, so every host honours it.
/// All times are UTC.
/// </summary>
public sealed class RobotPause
{
    public RobotPause(string robotName, DateTime pausedAt, DateTime? pausedUntil, string? reason, string pausedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(robotName);
        RobotName = robotName;
        Set(pausedAt, pausedUntil, reason, pausedBy);
    }

    public string RobotName { get; private set; }

    public DateTime PausedAt { get; private set; }

    /// <summary>When the pause ends by itself; null for a pause until resumed.</summary>
    public DateTime? PausedUntil { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>Who paused it (an account name, or a dashboard user).</summary>
    public string PausedBy { get; private set; } = "";

    /// <summary>Pausing again replaces the earlier pause's end, reason and author.</summary>
    public void Set(DateTime pausedAt, DateTime? pausedUntil, string? reason, string pausedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pausedBy);
        PausedAt = pausedAt;
        PausedUntil = pausedUntil;
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        PausedBy = pausedBy;
    }

    /// <summary>Whether the pause holds at <paramref name="now"/>: a pause until a time that has passed is over.</summary>
    public bool IsInForce(DateTime now) => PausedUntil is not { } until || now < until;
}

namespace Vibe.Domain.Robots;

/// <summary>Who is told about a robot's failures, and when.</summary>
public sealed record NotifyPolicy(
    IReadOnlyList<string> To,
    bool ReplaceDefaults = false,
    bool OnEveryAttempt = false,
    bool OnRecovery = false)
{
    public static NotifyPolicy Default { get; } = new([]);
}

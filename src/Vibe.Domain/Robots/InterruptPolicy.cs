namespace Vibe.Domain.Robots;

/// <summary>A run interrupted by the service stopping ("onInterrupt" in robots.json).</summary>
public enum InterruptPolicy
{
    /// <summary>Recorded Cancelled and queued again, first in line, as the same attempt (the default).</summary>
    Requeue,

    /// <summary>Recorded Cancelled, nothing more: for robots that must never be resumed after a half-done run.</summary>
    Drop,
}

using System.Text.RegularExpressions;

namespace Vibe.Domain.Robots;

/// <summary>How a robot's failed attempt is tried again: exponential back-off with optional jitter.</summary>
public sealed record RetryPolicy(
    int MaxAttempts,
    TimeSpan Delay,
    double BackoffFactor,
    TimeSpan MaxDelay,
    bool Jitter = true,
    RetryOn RetryOn = RetryOn.Any,
    string? ErrorPattern = null)
{
    public static RetryPolicy None { get; } = new(1, TimeSpan.FromSeconds(30), 2, TimeSpan.FromMinutes(10));

    /// <summary>
    /// The wait before attempt <paramref name="nextAttempt"/> (2 for the first retry).
    /// <paramref name="random"/> is in [0, 1); jitter spreads the delay over 50–100 % of its value
    /// so robots that failed together do not all come back at the same second.
    /// </summary>
    public TimeSpan DelayBefore(int nextAttempt, double random)
    {
        var exponent = Math.Max(0, nextAttempt - 2);
        var seconds = Delay.TotalSeconds * Math.Pow(BackoffFactor, exponent);
        seconds = Math.Min(seconds, MaxDelay.TotalSeconds);
        if (Jitter)
        {
            seconds *= 0.5 + (random / 2);
        }

        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>Whether a failure with this error is worth another attempt.</summary>
    public bool ShouldRetry(bool timedOut, string? error) => RetryOn switch
    {
        RetryOn.Any => true,
        RetryOn.Timeout => timedOut,
        RetryOn.ErrorPattern => error is not null && ErrorPattern is not null
            && Regex.IsMatch(error, ErrorPattern, RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)),
        _ => false,
    };
}

public enum RetryOn
{
    Any,
    Timeout,
    ErrorPattern,
}

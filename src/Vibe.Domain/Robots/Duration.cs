using System.Globalization;

namespace Vibe.Domain.Robots;

/// <summary>
/// Durations as people write them in robots.json: "00:05:00" (TimeSpan) or "500ms", "30s", "5m", "2h", "1d".
/// </summary>
public static class Duration
{
    /// <summary>
    /// The longest wait .NET timers can do (UInt32.MaxValue - 1 milliseconds, about 49 days 17 hours): a timeout or
    /// a delay beyond it would fail only when a run reaches it, so the robot files and settings are held to it.
    /// </summary>
    public static readonly TimeSpan Longest = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    /// <summary>Parses a duration no longer than <see cref="Longest"/>; <see cref="Problem"/> says what is wrong otherwise.</summary>
    public static bool TryParse(string? text, out TimeSpan value) => TryParseAny(text, out value) && value <= Longest;

    /// <summary>What is wrong with <paramref name="text"/> as a duration for <paramref name="field"/>, or null when it is fine.</summary>
    public static string? Problem(string field, string? text, string example)
    {
        if (TryParse(text, out _))
        {
            return null;
        }

        return TryParseAny(text, out _)
            ? $"{field} '{text}' is longer than {Format(Longest)}, the longest vibe can wait"
            : $"{field} '{text}' is not a duration (use {example})";
    }

    private static bool TryParseAny(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (text.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value) && value >= TimeSpan.Zero;
        }

        var (number, unit) = SplitUnit(text);
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || amount < 0)
        {
            return false;
        }

        double? seconds = unit switch
        {
            "ms" => amount / 1000,
            "s" => amount,
            "m" => amount * 60,
            "h" => amount * 3600,
            "d" => amount * 86400,
            _ => null,
        };
        if (seconds is null || seconds > TimeSpan.MaxValue.TotalSeconds)
        {
            return false;
        }

        value = TimeSpan.FromSeconds(seconds.Value);
        return true;
    }

    public static TimeSpan Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a duration (use 00:00:30 or 30s, 5m, 2h)");

    /// <summary>Short form for people: 1.2s, 3m 05s, 2h 10m.</summary>
    public static string Format(TimeSpan value) => value.TotalSeconds switch
    {
        < 1 => $"{value.TotalMilliseconds:0}ms",
        < 60 => $"{value.TotalSeconds:0.0}s",
        < 3600 => $"{(int)value.TotalMinutes}m {value.Seconds:00}s",
        < 86400 => $"{(int)value.TotalHours}h {value.Minutes:00}m",
        _ => $"{(int)value.TotalDays}d {value.Hours:00}h",
    };

    private static (string Number, string Unit) SplitUnit(string text)
    {
        var i = text.Length;
        while (i > 0 && char.IsLetter(text[i - 1]))
        {
            i--;
        }

        return (text[..i], text[i..].ToLowerInvariant());
    }
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace Vibe.Application.Runs.StoreRunEvidence;

/// <summary>
/// The run log line that names an evidence file the store does not hold, and the host that has it. Written by the
/// copy, read back by the run's file list, so another host can say where the file is: one format, in one place.
/// </summary>
public static partial class KeptOnHostLine
{
    public const string Prefix = "kept only on ";

    public static string Format(string host, string name, long length, string why) =>
        $"{Prefix}{host}, not in the store: {name} ({Size(length)}; {why.Replace('(', '[').Replace(')', ']')})";

    /// <summary>The host and file a line names, or null for any other line.</summary>
    public static (string Host, string Name)? Parse(string message) =>
        Pattern().Match(message) is { Success: true } match ? (match.Groups["host"].Value, match.Groups["name"].Value) : null;

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
    };

    [GeneratedRegex(@"^kept only on (?<host>.+?), not in the store: (?<name>.+) \([^()]*\)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

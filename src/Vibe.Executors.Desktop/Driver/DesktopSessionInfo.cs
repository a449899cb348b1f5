namespace Vibe.Executors.Desktop.Driver;

/// <summary>
/// What the pre-run session check found. The executor writes <see cref="Describe"/> into the run log and
/// fails the run as SessionUnavailable with <see cref="Problem"/> when <see cref="IsAvailable"/> is false.
/// </summary>
/// <param name="Backend">"x11" or "windows".</param>
/// <param name="IsAvailable">An interactive desktop that input and capture reach.</param>
/// <param name="Problem">Why not, in words an operator can act on; null when available.</param>
/// <param name="Screen">The virtual screen (all monitors) in pixels.</param>
/// <param name="Details">Backend facts worth logging: DISPLAY; session id, console or RDP, locked, DPI.</param>
public sealed record DesktopSessionInfo(
    string Backend,
    bool IsAvailable,
    string? Problem,
    ScreenRect Screen,
    IReadOnlyDictionary<string, string> Details)
{
    /// <summary>One line for the run log: "x11 desktop 1280x800 (DISPLAY=:99)".</summary>
    public string Describe()
    {
        var details = Details.Count == 0 ? "" : " (" + string.Join(", ", Details.Select(pair => $"{pair.Key}={pair.Value}")) + ")";
        return $"{Backend} desktop {Screen.Width}x{Screen.Height}{details}";
    }
}

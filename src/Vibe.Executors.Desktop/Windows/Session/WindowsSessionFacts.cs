using System.Globalization;
using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Windows.Interop;

namespace Vibe.Executors.Desktop.Windows.Session;

/// <summary>What Windows says about the session vibe runs in, gathered by <see cref="WindowsSessionProbe"/>.</summary>
/// <param name="SessionId">The process's Terminal Services session; 0 is the services session.</param>
/// <param name="Connection">"console", "rdp" or another protocol name.</param>
/// <param name="ConnectState">Active, Disconnected, ...; null when WTS could not tell.</param>
/// <param name="IsLocked">From WTSSessionInfoEx; null when unknown.</param>
/// <param name="InputDesktop">The desktop that receives input ("Default"; "Winlogon" while locked); null when it cannot be opened.</param>
/// <param name="InputDesktopError">The Win32 error when the input desktop could not be opened.</param>
/// <param name="Screen">The virtual screen (all monitors) in physical pixels.</param>
/// <param name="Monitors">How many monitors make it up.</param>
/// <param name="Dpi">The system DPI (96 = 100 %).</param>
internal sealed record WindowsSessionFacts(
    uint SessionId,
    string Connection,
    WtsConnectState? ConnectState,
    bool? IsLocked,
    string? InputDesktop,
    int InputDesktopError,
    ScreenRect Screen,
    int Monitors,
    uint Dpi);

/// <summary>Decides from <see cref="WindowsSessionFacts"/> whether a robot can drive this desktop, and says why not.</summary>
internal static class WindowsSessionRules
{
    public static DesktopSessionInfo Assess(WindowsSessionFacts facts)
    {
        var details = new Dictionary<string, string>
        {
            ["session"] = facts.SessionId.ToString(CultureInfo.InvariantCulture),
            ["connection"] = facts.Connection,
            ["state"] = facts.ConnectState?.ToString().ToLowerInvariant() ?? "unknown",
            ["locked"] = facts.IsLocked switch { true => "yes", false => "no", null => "unknown" },
            ["inputDesktop"] = facts.InputDesktop ?? "none",
            ["monitors"] = facts.Monitors.ToString(CultureInfo.InvariantCulture),
            ["dpi"] = $"{facts.Dpi} ({facts.Dpi * 100 / 96}%)",
        };
        var problem = FindProblem(facts);
        return new DesktopSessionInfo("windows", problem is null, problem, facts.Screen, details);
    }

    private static string? FindProblem(WindowsSessionFacts facts)
    {
        if (facts.SessionId == 0)
        {
            return "vibe is running in session 0, the session of Windows services, which has no interactive desktop: "
                + "a Windows service cannot drive desktop applications. Run vibe in the logged-in user's session instead "
                + "(a Task Scheduler task started \"At log on\" of that user; see docs/desktop.md)";
        }

        if (facts.ConnectState == WtsConnectState.Disconnected)
        {
            return $"session {facts.SessionId} is disconnected (an RDP window was closed without handing the session to the console), "
                + "so nothing is drawn and input goes nowhere. Reconnect, or disconnect with "
                + $"\"tscon {facts.SessionId} /dest:console\" so the session stays on the console";
        }

        if (facts.ConnectState is { } state and not WtsConnectState.Active and not WtsConnectState.Connected)
        {
            return $"session {facts.SessionId} is {state.ToString().ToLowerInvariant()}, not active: there is no desktop to drive";
        }

        if (facts.IsLocked == true || facts.InputDesktop is { } desktop && !desktop.Equals("Default", StringComparison.OrdinalIgnoreCase))
        {
            return $"the workstation is locked (session {facts.SessionId}, input desktop {facts.InputDesktop ?? "unknown"}): "
                + "input and screenshots cannot reach a locked desktop. Unlock it; while robots run, vibe's keep-alive stops it from locking again";
        }

        if (facts.InputDesktop is null)
        {
            return $"the input desktop of session {facts.SessionId} cannot be opened (Win32 error {facts.InputDesktopError}): "
                + "the session is locked, disconnected or not interactive";
        }

        if (facts.Screen.IsEmpty)
        {
            return $"session {facts.SessionId} reports no screen ({facts.Screen.Width}x{facts.Screen.Height})";
        }

        return null;
    }
}

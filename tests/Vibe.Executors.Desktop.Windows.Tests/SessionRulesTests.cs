using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Windows.Interop;
using Vibe.Executors.Desktop.Windows.Session;

namespace Vibe.Executors.Desktop.Windows.Tests;

public sealed class SessionRulesTests
{
    private static readonly WindowsSessionFacts Usable = new(
        SessionId: 2, Connection: "rdp", ConnectState: WtsConnectState.Active, IsLocked: false, InputDesktop: "Default",
        InputDesktopError: 0, Screen: new ScreenRect(0, 0, 1920, 1080), Monitors: 1, Dpi: 144);

    [Fact]
    public void An_active_unlocked_session_is_available_and_its_facts_are_logged()
    {
        var info = WindowsSessionRules.Assess(Usable);

        Assert.True(info.IsAvailable);
        Assert.Null(info.Problem);
        Assert.Equal(
            "windows desktop 1920x1080 (session=2, connection=rdp, state=active, locked=no, inputDesktop=Default, monitors=1, dpi=144 (150%))",
            info.Describe());
    }

    [Fact]
    public void Session_zero_is_refused_because_a_service_cannot_drive_a_desktop()
    {
        var info = WindowsSessionRules.Assess(Usable with { SessionId = 0, InputDesktop = null, InputDesktopError = 5 });

        Assert.False(info.IsAvailable);
        Assert.Contains("session 0", info.Problem);
        Assert.Contains("a Windows service cannot drive desktop applications", info.Problem);
        Assert.Contains("At log on", info.Problem);
    }

    [Fact]
    public void A_disconnected_RDP_session_is_refused_with_the_tscon_advice()
    {
        var info = WindowsSessionRules.Assess(Usable with { ConnectState = WtsConnectState.Disconnected });

        Assert.False(info.IsAvailable);
        Assert.Contains("session 2 is disconnected", info.Problem);
        Assert.Contains("tscon 2 /dest:console", info.Problem);
    }

    [Theory]
    [InlineData(true, "Default")]
    [InlineData(null, "Winlogon")]
    [InlineData(false, "Winlogon")]
    public void A_locked_workstation_is_refused(bool? locked, string desktop)
    {
        var info = WindowsSessionRules.Assess(Usable with { IsLocked = locked, InputDesktop = desktop });

        Assert.False(info.IsAvailable);
        Assert.StartsWith("the workstation is locked", info.Problem);
    }

    [Fact]
    public void An_input_desktop_that_cannot_be_opened_is_refused_with_the_error_code()
    {
        var info = WindowsSessionRules.Assess(Usable with { IsLocked = null, InputDesktop = null, InputDesktopError = 5 });

        Assert.False(info.IsAvailable);
        Assert.Contains("Win32 error 5", info.Problem);
    }

    [Fact]
    public void A_console_session_with_unknown_lock_state_but_the_default_desktop_is_available()
    {
        Assert.True(WindowsSessionRules.Assess(Usable with { Connection = "console", IsLocked = null }).IsAvailable);
    }
}

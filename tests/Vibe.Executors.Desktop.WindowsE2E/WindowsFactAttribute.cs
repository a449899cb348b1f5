namespace Vibe.Executors.Desktop.WindowsE2E;

/// <summary>A test that needs a real, unlocked Windows desktop; skipped with the reason elsewhere.</summary>
public sealed class WindowsFactAttribute : FactAttribute
{
    public WindowsFactAttribute()
    {
        if (!OperatingSystem.IsWindows())
        {
            Skip = "Windows only: drives Notepad on a real desktop through UI Automation and SendInput. "
                + "On Windows run: dotnet test tests/Vibe.Executors.Desktop.WindowsE2E";
        }
    }
}

namespace Vibe.Executors.Desktop.Wine.Tests;

/// <summary>A test that needs Debian's 64-bit Wine on Linux; anywhere else it is reported as skipped with the reason.</summary>
public sealed class WineFactAttribute : FactAttribute
{
    public WineFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "runs the Windows build of vibe under Wine, which these tests drive on Linux only";
        }
        else if (!File.Exists(WineDesktop.Loader))
        {
            Skip = $"Wine is not installed ({WineDesktop.Loader} is missing): install Debian's wine and wine64 (scripts/test.sh does, from scripts/apt-packages.txt)";
        }
    }
}

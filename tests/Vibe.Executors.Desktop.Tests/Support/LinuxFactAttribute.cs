namespace Vibe.Executors.Desktop.Tests.Support;

/// <summary>A test that needs the X11 desktop the fixture starts; skipped (and said so) on other systems.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "needs Linux with Xvfb, D-Bus and at-spi2-core";
        }
    }
}

using Vibe.Application.Executors;
using Vibe.Executors.Desktop.Driver;

namespace Vibe.Executors.Desktop.Linux;

/// <summary>Opens <see cref="X11Driver"/>s on Linux and the BSDs (anything that is neither Windows nor macOS).</summary>
internal sealed class X11DriverFactory(IProgramStarter? starter = null) : IDesktopDriverFactory
{
    public string Backend => "x11";

    public bool IsSupported => !OperatingSystem.IsWindows() && !OperatingSystem.IsMacOS();

    public async ValueTask<IDesktopDriver> OpenAsync(DesktopDriverOptions options, CancellationToken cancellationToken)
    {
        var display = string.IsNullOrWhiteSpace(options.Display) ? Environment.GetEnvironmentVariable("DISPLAY") : options.Display;
        if (string.IsNullOrWhiteSpace(display))
        {
            throw new SessionUnavailableException(
                "no X display: DISPLAY is not set for the vibe process. Run vibe inside the desktop session, or set DISPLAY " +
                "(or \"display\" in the robot's \"desktop\" block) to a running X server such as :0.");
        }

        try
        {
            return await X11Driver.OpenAsync(display.Trim(), options.Accessibility, starter, cancellationToken);
        }
        catch (DllNotFoundException ex)
        {
            throw new SessionUnavailableException($"the X11 libraries are missing ({ex.Message}); install libx11-6 and libxtst6");
        }
    }
}

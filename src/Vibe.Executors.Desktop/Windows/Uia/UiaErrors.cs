using System.Runtime.InteropServices;
using Vibe.Executors.Desktop.Driver;

namespace Vibe.Executors.Desktop.Windows.Uia;

/// <summary>Turns UIA's HRESULTs (UIAutomationCoreApi.h, UIA_E_*) into messages an operator can act on.</summary>
internal static class UiaErrors
{
    public const int ElementNotEnabled = unchecked((int)0x80040200);
    public const int ElementNotAvailable = unchecked((int)0x80040201);
    public const int NoClickablePoint = unchecked((int)0x80040202);
    public const int NotSupported = unchecked((int)0x80040204);
    public const int Timeout = unchecked((int)0x80131505);
    public const int InvalidOperation = unchecked((int)0x80131509);

    public static DesktopDriverException Describe(COMException error, string doing) => new(error.HResult switch
    {
        ElementNotEnabled => $"{doing}: the element is disabled",
        ElementNotAvailable => $"{doing}: the element is gone (its window closed or its content changed)",
        NoClickablePoint => $"{doing}: the element has no clickable point (it is hidden or off-screen)",
        NotSupported => $"{doing}: the element does not support this",
        Timeout => $"{doing}: the application did not answer UI Automation in time (it may be busy or hung)",
        InvalidOperation => $"{doing}: the application refused the operation in the element's current state",
        _ => $"{doing}: UI Automation failed with 0x{error.HResult:X8} ({error.Message})",
    }, error);

    /// <summary>Runs <paramref name="work"/>, translating COM failures into <see cref="DesktopDriverException"/>.</summary>
    public static T Guard<T>(string doing, Func<T> work)
    {
        try
        {
            return work();
        }
        catch (COMException error)
        {
            throw Describe(error, doing);
        }
    }
}

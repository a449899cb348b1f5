using System.Diagnostics;
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
    public const int E_INVALIDARG = unchecked((int)0x80070057);
    public const int E_NOTIMPL = unchecked((int)0x80004001);
    public const int REGDB_E_CLASSNOTREG = unchecked((int)0x80040154);

    public static DesktopDriverException Describe(Exception error, string doing) => new(error.HResult switch
    {
        ElementNotEnabled => $"{doing}: the element is disabled",
        ElementNotAvailable => $"{doing}: the element is gone (its window closed or its content changed)",
        NoClickablePoint => $"{doing}: the element has no clickable point (it is hidden or off-screen)",
        NotSupported => $"{doing}: the element does not support this",
        Timeout => $"{doing}: the application did not answer UI Automation in time (it may be busy or hung)",
        InvalidOperation => $"{doing}: the application refused the operation in the element's current state",
        E_NOTIMPL => $"{doing}: UI Automation on this machine does not implement {ComMethod(error) ?? "a call vibe needs"} "
            + "(use win32: selectors for classic Win32 controls, or coordinates, keys and images)",
        _ => $"{doing}: UI Automation failed with 0x{error.HResult:X8} ({error.Message})",
    }, error);

    /// <summary>The message for a failed CoCreateInstance of the UI Automation client.</summary>
    public static string NotAvailable(int result) => result == REGDB_E_CLASSNOTREG
        ? "UI Automation is not installed on this machine (CoCreateInstance CUIAutomation: class not registered, 0x80040154); "
            + "element steps need it: use win32: selectors for classic Win32 controls, or coordinates, keys and images"
        : $"UI Automation is not available (CoCreateInstance CUIAutomation failed with 0x{result:X8})";

    /// <summary>
    /// Runs <paramref name="work"/>, translating COM failures into <see cref="DesktopDriverException"/>. The runtime
    /// turns some failed HRESULTs into other exceptions (UIA_E_TIMEOUT is COR_E_TIMEOUT, a TimeoutException;
    /// UIA_E_INVALIDOPERATION is COR_E_INVALIDOPERATION), so those are recognised by their HRESULT too.
    /// </summary>
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
        catch (Exception error) when (error is TimeoutException or InvalidOperationException or ArgumentException or NotImplementedException
            && error.HResult is Timeout or InvalidOperation or E_INVALIDARG or E_NOTIMPL)
        {
            throw Describe(error, doing);
        }
    }

    // The generated COM stub that received the failed HRESULT is on the stack as "...Interop.IUIAutomationX.Method":
    // naming it tells the operator which part of UI Automation is missing (property conditions, FindAll, a pattern).
    private static string? ComMethod(Exception error) =>
        new StackTrace(error, fNeedFileInfo: false).GetFrames()
            .Select(frame => frame.GetMethod()?.Name ?? "")
            .Select(name => name.LastIndexOf(".IUIAutomation", StringComparison.Ordinal) is var at and >= 0 ? name[(at + 1)..] : null)
            .FirstOrDefault(name => name is not null);
}

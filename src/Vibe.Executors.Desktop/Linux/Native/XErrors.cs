using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Vibe.Executors.Desktop.Linux.Native;

/// <summary>
/// Xlib's default handlers end the process: an X error (a window that vanished between two calls) prints and
/// exits, and a lost connection exits too. A service must survive both, so these handlers record instead.
/// </summary>
internal static unsafe class XErrors
{
    private static readonly Lock InstallLock = new();
    private static bool _installed;

    [ThreadStatic]
    private static string? _lastError;

    /// <summary>Installs the process-wide error handler once; safe to call from every driver.</summary>
    public static void Install()
    {
        lock (InstallLock)
        {
            if (_installed)
            {
                return;
            }

            Xlib.XInitThreads();
            Xlib.XSetErrorHandler((nint)(delegate* unmanaged[Cdecl]<nint, XErrorEvent*, int>)&OnError);
            _installed = true;
        }
    }

    /// <summary>
    /// Replaces the exit on a lost connection (libX11 1.7 and later) with a flag: calls then fail instead of
    /// ending the service. Older libX11 keeps its behaviour.
    /// </summary>
    public static void SurviveConnectionLoss(nint display, StrongBox<bool> lost)
    {
        if (!NativeLibrary.TryLoad(Xlib.Library, out var library)
            || !NativeLibrary.TryGetExport(library, "XSetIOErrorExitHandler", out var export))
        {
            return;
        }

        var setter = (delegate* unmanaged[Cdecl]<nint, nint, nint, void>)export;
        setter(display, (nint)(delegate* unmanaged[Cdecl]<nint, nint, void>)&OnConnectionLost, GCHandle.ToIntPtr(GCHandle.Alloc(lost)));
    }

    /// <summary>Clears the error remembered for this thread; call before a request whose failure matters.</summary>
    public static void Clear() => _lastError = null;

    /// <summary>The error since <see cref="Clear"/>, if any (call XSync first so the reply has arrived).</summary>
    public static string? Take()
    {
        var error = _lastError;
        _lastError = null;
        return error;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnError(nint display, XErrorEvent* error)
    {
        var buffer = stackalloc byte[256];
        Xlib.XGetErrorText(display, error->ErrorCode, buffer, 256);
        var text = Encoding.UTF8.GetString(MemoryMarshal.CreateReadOnlySpanFromNullTerminated(buffer));
        _lastError = $"{text} (request {error->RequestCode}.{error->MinorCode}, resource 0x{error->ResourceId:x})";
        return 0;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnConnectionLost(nint display, nint data)
    {
        if (GCHandle.FromIntPtr(data).Target is StrongBox<bool> lost)
        {
            lost.Value = true;
        }
    }
}

using System.Runtime.InteropServices;

namespace Vibe.Executors.Desktop.Linux.Native;

/// <summary>
/// The X-Resource extension (libXRes) answers which process owns a window when the window does not say so
/// itself (_NET_WM_PID is missing on Tk, Motif and plain Xlib windows). Optional: without libXRes the pid stays 0.
/// </summary>
internal static unsafe partial class XRes
{
    private const string Library = "libXRes.so.1";
    private const uint PidMask = 1 << 1;

    private static readonly Lazy<bool> Available = new(() => NativeLibrary.TryLoad(Library, out _));

    /// <summary>The pid of the client that created <paramref name="window"/>, or 0 when unknown.</summary>
    public static int ProcessOf(nint display, nuint window)
    {
        if (!Available.Value)
        {
            return 0;
        }

        var spec = new ClientIdSpec { Client = window, Mask = PidMask };
        if (XResQueryClientIds(display, 1, &spec, out var count, out var ids) != 0 || ids == null)
        {
            return 0;
        }

        try
        {
            for (var i = 0; i < count; i++)
            {
                if ((ids[i].Spec.Mask & PidMask) != 0)
                {
                    var pid = XResGetClientPid(&ids[i]);
                    if (pid > 0)
                    {
                        return pid;
                    }
                }
            }

            return 0;
        }
        finally
        {
            XResClientIdsDestroy(count, ids);
        }
    }

    [LibraryImport(Library)]
    private static partial int XResQueryClientIds(nint display, nint specCount, ClientIdSpec* specs, out nint idCount, out ClientIdValue* ids);

    [LibraryImport(Library)]
    private static partial int XResGetClientPid(ClientIdValue* value);

    [LibraryImport(Library)]
    private static partial void XResClientIdsDestroy(nint count, ClientIdValue* ids);

    [StructLayout(LayoutKind.Sequential)]
    private struct ClientIdSpec
    {
        public nuint Client;
        public uint Mask;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct ClientIdValue
    {
        public ClientIdSpec Spec;
        public nint Length;
        public nint Value;
    }
}

using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace Vibe.Executors.Desktop.Windows.Interop;

[SupportedOSPlatform("windows")]
internal static partial class Kernel32
{
    public const uint ES_SYSTEM_REQUIRED = 0x00000001;
    public const uint ES_DISPLAY_REQUIRED = 0x00000002;
    public const uint ES_CONTINUOUS = 0x80000000;

    [LibraryImport("kernel32.dll")]
    public static partial uint GetCurrentThreadId();

    /// <summary>Per thread: the request lasts while the calling thread lives or until it calls again with ES_CONTINUOUS alone.</summary>
    [LibraryImport("kernel32.dll")]
    public static partial uint SetThreadExecutionState(uint flags);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool ProcessIdToSessionId(uint processId, out uint sessionId);

    [LibraryImport("kernel32.dll")]
    public static partial uint WTSGetActiveConsoleSessionId();
}

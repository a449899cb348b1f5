using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace Vibe.Executors.Desktop.Windows.Interop;

[SupportedOSPlatform("windows")]
internal static partial class Wtsapi32
{
    public const int WTSConnectState = 8;
    public const int WTSClientProtocolType = 16;
    public const int WTSSessionInfoEx = 25;

    public static readonly nint WTS_CURRENT_SERVER_HANDLE = 0;
    public const uint WTS_CURRENT_SESSION = uint.MaxValue;

    [LibraryImport("wtsapi32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool WTSQuerySessionInformationW(nint server, uint sessionId, int infoClass, out nint buffer, out uint bytesReturned);

    [LibraryImport("wtsapi32.dll")]
    public static partial void WTSFreeMemory(nint memory);
}

/// <summary>wtsapi32.h's WTS_CONNECTSTATE_CLASS.</summary>
internal enum WtsConnectState
{
    Active = 0,
    Connected = 1,
    ConnectQuery = 2,
    Shadow = 3,
    Disconnected = 4,
    Idle = 5,
    Listen = 6,
    Reset = 7,
    Down = 8,
    Init = 9,
}

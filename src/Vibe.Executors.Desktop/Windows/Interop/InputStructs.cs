using System.Runtime.InteropServices;

namespace Vibe.Executors.Desktop.Windows.Interop;

/// <summary>
/// winuser.h's INPUT. The union is laid out after <see cref="Type"/> with the alignment of its widest member
/// (MOUSEINPUT's ULONG_PTR), which gives the header's 28 bytes on 32-bit and 40 on 64-bit.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct INPUT
{
    public const uint INPUT_MOUSE = 0;
    public const uint INPUT_KEYBOARD = 1;

    public uint Type;
    public InputUnion Data;

    public static INPUT Mouse(int dx, int dy, uint flags, int mouseData = 0) => new()
    {
        Type = INPUT_MOUSE,
        Data = new InputUnion { Mouse = new MOUSEINPUT { Dx = dx, Dy = dy, MouseData = mouseData, Flags = flags } },
    };

    public static INPUT Key(ushort virtualKey, ushort scan, uint flags) => new()
    {
        Type = INPUT_KEYBOARD,
        Data = new InputUnion { Keyboard = new KEYBDINPUT { VirtualKey = virtualKey, Scan = scan, Flags = flags } },
    };

    public override readonly string ToString() => Type == INPUT_KEYBOARD
        ? $"key vk=0x{Data.Keyboard.VirtualKey:X2} scan=0x{Data.Keyboard.Scan:X4} flags=0x{Data.Keyboard.Flags:X}"
        : $"mouse dx={Data.Mouse.Dx} dy={Data.Mouse.Dy} data={Data.Mouse.MouseData} flags=0x{Data.Mouse.Flags:X}";
}

[StructLayout(LayoutKind.Explicit)]
internal struct InputUnion
{
    [FieldOffset(0)]
    public MOUSEINPUT Mouse;

    [FieldOffset(0)]
    public KEYBDINPUT Keyboard;
}

[StructLayout(LayoutKind.Sequential)]
internal struct MOUSEINPUT
{
    public const uint MOUSEEVENTF_MOVE = 0x0001;
    public const uint MOUSEEVENTF_LEFTDOWN = 0x0002;
    public const uint MOUSEEVENTF_LEFTUP = 0x0004;
    public const uint MOUSEEVENTF_RIGHTDOWN = 0x0008;
    public const uint MOUSEEVENTF_RIGHTUP = 0x0010;
    public const uint MOUSEEVENTF_MIDDLEDOWN = 0x0020;
    public const uint MOUSEEVENTF_MIDDLEUP = 0x0040;
    public const uint MOUSEEVENTF_WHEEL = 0x0800;
    public const uint MOUSEEVENTF_HWHEEL = 0x1000;
    public const uint MOUSEEVENTF_VIRTUALDESK = 0x4000;
    public const uint MOUSEEVENTF_ABSOLUTE = 0x8000;
    public const int WHEEL_DELTA = 120;

    public int Dx;
    public int Dy;
    public int MouseData;
    public uint Flags;
    public uint Time;
    public nint ExtraInfo;
}

[StructLayout(LayoutKind.Sequential)]
internal struct KEYBDINPUT
{
    public const uint KEYEVENTF_EXTENDEDKEY = 0x0001;
    public const uint KEYEVENTF_KEYUP = 0x0002;
    public const uint KEYEVENTF_UNICODE = 0x0004;
    public const uint KEYEVENTF_SCANCODE = 0x0008;

    public ushort VirtualKey;
    public ushort Scan;
    public uint Flags;
    public uint Time;
    public nint ExtraInfo;
}

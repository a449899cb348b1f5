using System.Runtime.InteropServices;

namespace Vibe.Executors.Desktop.Windows.Interop;

/// <summary>UIAutomationClient's TreeScope.</summary>
[Flags]
internal enum TreeScope
{
    None = 0x00,
    Element = 0x01,
    Children = 0x02,
    Descendants = 0x04,
    Parent = 0x08,
    Ancestors = 0x10,
    Subtree = Element | Children | Descendants,
}

internal enum PropertyConditionFlags
{
    None = 0x00,
    IgnoreCase = 0x01,
}

internal enum AutomationElementMode
{
    None = 0x00,
    Full = 0x01,
}

internal enum ToggleState
{
    Off = 0,
    On = 1,
    Indeterminate = 2,
}

internal enum ExpandCollapseState
{
    Collapsed = 0,
    Expanded = 1,
    PartiallyExpanded = 2,
    LeafNode = 3,
}

internal enum WindowVisualState
{
    Normal = 0,
    Maximized = 1,
    Minimized = 2,
}

internal enum TextUnit
{
    Character = 0,
    Format = 1,
    Word = 2,
    Line = 3,
    Paragraph = 4,
    Page = 5,
    Document = 6,
}

/// <summary>RECT as UIA returns it: physical screen pixels when the process is per-monitor DPI aware.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct UiaRect
{
    public int Left;
    public int Top;
    public int Right;
    public int Bottom;

    public readonly int Width => Right - Left;

    public readonly int Height => Bottom - Top;

    public readonly bool IsEmpty => Width <= 0 || Height <= 0;
}

[StructLayout(LayoutKind.Sequential)]
internal struct UiaPoint
{
    public int X;
    public int Y;
}

/// <summary>
/// A blittable VARIANT (16 bytes on 32-bit, 24 on 64-bit). The runtime's ComVariant would need
/// DisableRuntimeMarshalling for the whole assembly, which would change the Linux backend's P/Invokes too,
/// so conditions carry their values in this struct instead.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct UiaVariant : IDisposable
{
    public const ushort VT_EMPTY = 0;
    public const ushort VT_I4 = 3;
    public const ushort VT_BSTR = 8;
    public const ushort VT_DISPATCH = 9;
    public const ushort VT_BOOL = 11;
    public const ushort VT_UNKNOWN = 13;
    public const ushort VT_ARRAY = 0x2000;

    public ushort VarType;
    private readonly ushort _reserved1;
    private readonly ushort _reserved2;
    private readonly ushort _reserved3;
    public nint Data;
    private readonly nint _record;

    public static UiaVariant FromInt32(int value) => new() { VarType = VT_I4, Data = value };

    /// <summary>VARIANT_BOOL: -1 is true, 0 is false.</summary>
    public static UiaVariant FromBoolean(bool value) => new() { VarType = VT_BOOL, Data = value ? 0xFFFF : 0 };

    /// <summary>Allocates a BSTR that <see cref="Dispose"/> frees.</summary>
    public static UiaVariant FromString(string value) => new() { VarType = VT_BSTR, Data = Marshal.StringToBSTR(value) };

    public readonly int AsInt32() => VarType == VT_I4 ? unchecked((int)Data) : throw new InvalidOperationException($"the VARIANT holds type {VarType}, not VT_I4");

    public readonly bool AsBoolean() => VarType == VT_BOOL ? (short)Data != 0 : throw new InvalidOperationException($"the VARIANT holds type {VarType}, not VT_BOOL");

    public readonly string? AsString() => VarType == VT_BSTR ? Marshal.PtrToStringBSTR(Data) : null;

    /// <summary>An int or enum property's value; null when UIA answered "not supported" (a VT_UNKNOWN sentinel) or nothing.</summary>
    public readonly int? TryInt32() => VarType == VT_I4 ? unchecked((int)Data) : null;

    public readonly bool? TryBoolean() => VarType == VT_BOOL ? (short)Data != 0 : null;

    /// <summary>Frees what the VARIANT owns: a BSTR, an interface reference, or (on Windows) a SAFEARRAY.</summary>
    public void Dispose()
    {
        if (VarType == VT_BSTR && Data != 0)
        {
            Marshal.FreeBSTR(Data);
        }
        else if (VarType is VT_UNKNOWN or VT_DISPATCH && Data != 0)
        {
            Marshal.Release(Data);
        }
        else if ((VarType & VT_ARRAY) != 0 && Data != 0 && OperatingSystem.IsWindows())
        {
            OleAut32.SafeArrayDestroy(Data);
        }

        VarType = VT_EMPTY;
        Data = 0;
    }
}

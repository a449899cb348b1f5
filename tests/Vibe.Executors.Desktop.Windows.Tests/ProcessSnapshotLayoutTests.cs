using System.Runtime.InteropServices;
using Vibe.Executors.Desktop.Windows.Interop;

namespace Vibe.Executors.Desktop.Windows.Tests;

/// <summary>
/// Process32FirstW/NextW fail (or read the wrong field as the parent) unless PROCESSENTRY32W has tlhelp32.h's x64
/// layout: dwSize must be 568 and th32ParentProcessID sits at 32, after the pointer-sized heap id and its padding.
/// </summary>
public sealed class ProcessSnapshotLayoutTests
{
    [Fact]
    public unsafe void PROCESSENTRY32W_has_the_headers_x64_size_and_offsets()
    {
        Assert.Equal(568, sizeof(PROCESSENTRY32W));
        Assert.Equal(8, Offset(nameof(PROCESSENTRY32W.th32ProcessID)));
        Assert.Equal(16, Offset(nameof(PROCESSENTRY32W.th32DefaultHeapID)));
        Assert.Equal(32, Offset(nameof(PROCESSENTRY32W.th32ParentProcessID)));
        Assert.Equal(44, Offset(nameof(PROCESSENTRY32W.szExeFile)));
    }

    private static int Offset(string field) => (int)Marshal.OffsetOf<PROCESSENTRY32W>(field);
}

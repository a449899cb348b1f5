using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Windows.Interop;

namespace Vibe.Executors.Desktop.Windows.Input;

/// <summary>Sends <see cref="InputMapper"/>'s INPUT arrays with SendInput.</summary>
[SupportedOSPlatform("windows")]
internal static unsafe class WindowsInput
{
    /// <summary>
    /// Sends the events as one uninterruptible batch. Virtual-key events get their scan code from the active
    /// layout first: some applications (and every RDP client) read the scan code rather than the virtual key.
    /// </summary>
    public static void Send(INPUT[] inputs)
    {
        if (inputs.Length == 0)
        {
            return;
        }

        for (var i = 0; i < inputs.Length; i++)
        {
            ref var keyboard = ref inputs[i].Data.Keyboard;
            if (inputs[i].Type == INPUT.INPUT_KEYBOARD && (keyboard.Flags & KEYBDINPUT.KEYEVENTF_UNICODE) == 0 && keyboard.Scan == 0)
            {
                keyboard.Scan = (ushort)User32.MapVirtualKeyW(keyboard.VirtualKey, User32.MAPVK_VK_TO_VSC);
            }
        }

        fixed (INPUT* first = inputs)
        {
            var sent = User32.SendInput((uint)inputs.Length, first, sizeof(INPUT));
            if (sent != inputs.Length)
            {
                // UIPI blocks input into a process of higher integrity (an elevated window) without an error code.
                var error = Marshal.GetLastPInvokeError();
                throw new DesktopDriverException(
                    $"Windows accepted {sent} of {inputs.Length} input events (Win32 error {error}): the desktop is locked, "
                    + "or the target window runs elevated (as administrator) while vibe does not");
            }
        }
    }

    /// <summary>The active keyboard layout's key for a character (VkKeyScan), for chords like ctrl+/ .</summary>
    public static LayoutKey? LayoutKeyFor(char character) => InputMapper.FromVkKeyScan(User32.VkKeyScanW(character));

    public static ScreenPoint CursorPosition() =>
        User32.GetCursorPos(out var point)
            ? new ScreenPoint(point.X, point.Y)
            : throw new DesktopDriverException($"could not read the mouse position (Win32 error {Marshal.GetLastPInvokeError()}): the desktop may be locked");
}

using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Windows.Interop;
using static Vibe.Executors.Desktop.Windows.Interop.KEYBDINPUT;
using static Vibe.Executors.Desktop.Windows.Interop.MOUSEINPUT;

namespace Vibe.Executors.Desktop.Windows.Input;

/// <summary>Where a character sits on the active keyboard layout: its key and the modifiers that produce it.</summary>
internal readonly record struct LayoutKey(ushort VirtualKey, KeyModifiers Modifiers);

/// <summary>
/// Turns chords, text and mouse actions into the INPUT arrays SendInput takes. Pure functions (the keyboard
/// layout comes in as a lookup), so the mapping is tested on any system; WindowsInput sends the result.
/// </summary>
internal static class InputMapper
{
    /// <summary>
    /// A chord: modifiers down in order, the key down and up, modifiers up in reverse order. A character key
    /// that is not a letter or digit is found with <paramref name="layout"/> (VkKeyScan on Windows); when the
    /// layout needs shift or AltGr for it, those modifiers are held too.
    /// </summary>
    public static INPUT[] Chord(KeyChord chord, Func<char, LayoutKey?> layout)
    {
        ArgumentNullException.ThrowIfNull(chord);
        var modifiers = chord.Modifiers;
        ushort? key = null;
        if (chord.Key == NamedKey.ModifierOnly)
        {
            key = null;
        }
        else if (chord.Key != NamedKey.None)
        {
            key = VirtualKeys.ForNamedKey(chord.Key);
        }
        else if (chord.Character is { } character)
        {
            if (VirtualKeys.ForLayoutIndependentCharacter(character) is { } fixedKey)
            {
                key = fixedKey;
            }
            else if (layout(character) is { } onLayout)
            {
                key = onLayout.VirtualKey;
                modifiers |= onLayout.Modifiers;
            }
            else if (modifiers == KeyModifiers.None)
            {
                return Text(character.ToString());
            }
            else
            {
                throw new DesktopDriverException($"key chord '{chord}': '{character}' is not on the active keyboard layout, so it cannot be held with {modifiers}");
            }
        }

        var inputs = new List<INPUT>();
        var modifierKeys = VirtualKeys.ForModifiers(modifiers).ToList();
        inputs.AddRange(modifierKeys.Select(vk => KeyEvent(vk, up: false)));
        if (key is { } vkey)
        {
            inputs.Add(KeyEvent(vkey, up: false));
            inputs.Add(KeyEvent(vkey, up: true));
        }

        inputs.AddRange(Enumerable.Reverse(modifierKeys).Select(vk => KeyEvent(vk, up: true)));
        return [.. inputs];
    }

    /// <summary>
    /// Text as KEYEVENTF_UNICODE key presses, one down/up pair per UTF-16 unit (a surrogate pair is two units,
    /// which Windows reassembles), so any character types whatever the layout. Line breaks press Enter
    /// ("\r\n" once) and "\t" presses Tab, because many controls ignore a Unicode CR or TAB.
    /// </summary>
    public static INPUT[] Text(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var inputs = new List<INPUT>(text.Length * 2);
        for (var i = 0; i < text.Length; i++)
        {
            var unit = text[i];
            if (unit == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }

            if (unit is '\r' or '\n' or '\t')
            {
                var vk = unit == '\t' ? VirtualKeys.Tab : VirtualKeys.Return;
                inputs.Add(KeyEvent(vk, up: false));
                inputs.Add(KeyEvent(vk, up: true));
                continue;
            }

            inputs.Add(INPUT.Key(0, unit, KEYEVENTF_UNICODE));
            inputs.Add(INPUT.Key(0, unit, KEYEVENTF_UNICODE | KEYEVENTF_KEYUP));
        }

        return [.. inputs];
    }

    /// <summary>
    /// An absolute move to a point of the virtual screen (all monitors). SendInput's absolute coordinates run
    /// from 0 to 65535 across the virtual desktop when MOUSEEVENTF_VIRTUALDESK is set; the point is scaled to
    /// that range so the cursor lands on the intended physical pixel on any monitor, whatever its position or DPI
    /// (the process is per-monitor DPI aware, so points are physical pixels).
    /// </summary>
    public static INPUT MoveTo(ScreenPoint point, ScreenRect virtualScreen)
    {
        var (dx, dy) = Normalize(point, virtualScreen);
        return INPUT.Mouse(dx, dy, MOUSEEVENTF_MOVE | MOUSEEVENTF_ABSOLUTE | MOUSEEVENTF_VIRTUALDESK);
    }

    /// <summary>The 0..65535 coordinates of <paramref name="point"/>, rounded to the pixel's own coordinate.</summary>
    public static (int X, int Y) Normalize(ScreenPoint point, ScreenRect virtualScreen)
    {
        if (virtualScreen.IsEmpty)
        {
            throw new ArgumentException("the virtual screen has no size", nameof(virtualScreen));
        }

        if (!virtualScreen.Contains(point))
        {
            throw new DesktopDriverException($"point {point} is outside the screen ({virtualScreen})");
        }

        return (Scale(point.X - virtualScreen.X, virtualScreen.Width), Scale(point.Y - virtualScreen.Y, virtualScreen.Height));
    }

    /// <summary>Moves to <paramref name="point"/> then presses and releases <paramref name="button"/> <paramref name="count"/> times.</summary>
    public static INPUT[] Click(ScreenPoint point, ScreenRect virtualScreen, MouseButton button, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var inputs = new List<INPUT> { MoveTo(point, virtualScreen) };
        for (var i = 0; i < count; i++)
        {
            inputs.Add(Button(button, down: true));
            inputs.Add(Button(button, down: false));
        }

        return [.. inputs];
    }

    public static INPUT Button(MouseButton button, bool down) => INPUT.Mouse(0, 0, (button, down) switch
    {
        (MouseButton.Left, true) => MOUSEEVENTF_LEFTDOWN,
        (MouseButton.Left, false) => MOUSEEVENTF_LEFTUP,
        (MouseButton.Right, true) => MOUSEEVENTF_RIGHTDOWN,
        (MouseButton.Right, false) => MOUSEEVENTF_RIGHTUP,
        (MouseButton.Middle, true) => MOUSEEVENTF_MIDDLEDOWN,
        _ => MOUSEEVENTF_MIDDLEUP,
    });

    /// <summary>Wheel notches: a positive <paramref name="down"/> scrolls down (a negative wheel delta), a positive <paramref name="right"/> right.</summary>
    public static INPUT[] Scroll(int down, int right)
    {
        var inputs = new List<INPUT>();
        if (down != 0)
        {
            inputs.Add(INPUT.Mouse(0, 0, MOUSEEVENTF_WHEEL, -down * WHEEL_DELTA));
        }

        if (right != 0)
        {
            inputs.Add(INPUT.Mouse(0, 0, MOUSEEVENTF_HWHEEL, right * WHEEL_DELTA));
        }

        return [.. inputs];
    }

    /// <summary>The layout lookup's answer to VkKeyScan's packed result: low byte key, high byte shift state.</summary>
    public static LayoutKey? FromVkKeyScan(short packed)
    {
        if (packed == -1)
        {
            return null;
        }

        var vk = (ushort)(packed & 0xFF);
        var state = (packed >> 8) & 0xFF;
        var modifiers = KeyModifiers.None;
        if ((state & 1) != 0)
        {
            modifiers |= KeyModifiers.Shift;
        }

        if ((state & 2) != 0)
        {
            modifiers |= KeyModifiers.Control;
        }

        if ((state & 4) != 0)
        {
            modifiers |= KeyModifiers.Alt;
        }

        return new LayoutKey(vk, modifiers);
    }

    private static INPUT KeyEvent(ushort virtualKey, bool up)
    {
        var flags = (up ? KEYEVENTF_KEYUP : 0) | (VirtualKeys.IsExtended(virtualKey) ? KEYEVENTF_EXTENDEDKEY : 0);
        return INPUT.Key(virtualKey, 0, flags);
    }

    // Pixel p of n maps to the 65536-unit coordinate that Windows turns back into p: the centre of its band.
    private static int Scale(int offset, int size) =>
        size <= 1 ? 0 : (int)Math.Min(65535, ((offset * 65536L) + (65536L / 2)) / size);
}

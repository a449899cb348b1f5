using System.Text;
using Vibe.Executors.Desktop.Driver;

namespace Vibe.Executors.Desktop.Linux;

/// <summary>X keysyms for characters and named keys (X11/keysymdef.h).</summary>
internal static class KeySyms
{
    public const nuint ShiftL = 0xffe1;
    public const nuint ControlL = 0xffe3;
    public const nuint AltL = 0xffe9;
    public const nuint SuperL = 0xffeb;
    public const nuint Return = 0xff0d;
    public const nuint Tab = 0xff09;
    public const nuint BackSpace = 0xff08;

    /// <summary>
    /// Latin-1 characters are their own keysym; every other Unicode character is 0x01000000 + code point, which
    /// is what lets a spare keycode type any character at all.
    /// </summary>
    public static nuint FromRune(Rune rune) => rune.Value switch
    {
        '\n' or '\r' => Return,
        '\t' => Tab,
        '\b' => BackSpace,
        (>= 0x20 and <= 0x7e) or (>= 0xa0 and <= 0xff) => (nuint)rune.Value,
        _ => (nuint)(0x01000000 + rune.Value),
    };

    public static nuint FromNamedKey(NamedKey key) => key switch
    {
        NamedKey.Enter => Return,
        NamedKey.Tab => Tab,
        NamedKey.Escape => 0xff1b,
        NamedKey.Space => 0x20,
        NamedKey.Backspace => BackSpace,
        NamedKey.Delete => 0xffff,
        NamedKey.Insert => 0xff63,
        NamedKey.Home => 0xff50,
        NamedKey.End => 0xff57,
        NamedKey.PageUp => 0xff55,
        NamedKey.PageDown => 0xff56,
        NamedKey.Left => 0xff51,
        NamedKey.Up => 0xff52,
        NamedKey.Right => 0xff53,
        NamedKey.Down => 0xff54,
        NamedKey.CapsLock => 0xffe5,
        NamedKey.NumLock => 0xff7f,
        NamedKey.ScrollLock => 0xff14,
        NamedKey.PrintScreen => 0xff61,
        NamedKey.Pause => 0xff13,
        NamedKey.Menu => 0xff67,
        >= NamedKey.F1 and <= NamedKey.F24 => (nuint)(0xffbe + (key - NamedKey.F1)),
        _ => throw new DesktopDriverException($"the key {key} has no X keysym"),
    };
}

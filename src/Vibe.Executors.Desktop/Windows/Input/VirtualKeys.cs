using Vibe.Executors.Desktop.Driver;

namespace Vibe.Executors.Desktop.Windows.Input;

/// <summary>Virtual-key codes (winuser.h VK_*) for the shared key names, and which of them are "extended" keys.</summary>
internal static class VirtualKeys
{
    public const ushort Shift = 0x10;
    public const ushort Control = 0x11;
    public const ushort Menu = 0x12;
    public const ushort LeftWindows = 0x5B;
    public const ushort Return = 0x0D;
    public const ushort Tab = 0x09;

    private static readonly Dictionary<NamedKey, ushort> Named = new()
    {
        [NamedKey.Enter] = Return,
        [NamedKey.Tab] = Tab,
        [NamedKey.Escape] = 0x1B,
        [NamedKey.Space] = 0x20,
        [NamedKey.Backspace] = 0x08,
        [NamedKey.Delete] = 0x2E,
        [NamedKey.Insert] = 0x2D,
        [NamedKey.Home] = 0x24,
        [NamedKey.End] = 0x23,
        [NamedKey.PageUp] = 0x21,
        [NamedKey.PageDown] = 0x22,
        [NamedKey.Left] = 0x25,
        [NamedKey.Up] = 0x26,
        [NamedKey.Right] = 0x27,
        [NamedKey.Down] = 0x28,
        [NamedKey.CapsLock] = 0x14,
        [NamedKey.NumLock] = 0x90,
        [NamedKey.ScrollLock] = 0x91,
        [NamedKey.PrintScreen] = 0x2C,
        [NamedKey.Pause] = 0x13,
        [NamedKey.Menu] = 0x5D,
    };

    /// <summary>
    /// Keys on the extended (E0-prefixed) part of the keyboard. Without KEYEVENTF_EXTENDEDKEY Windows takes the
    /// navigation keys for their numeric-keypad twins, so "shift+end" would type a digit with NumLock on.
    /// </summary>
    private static readonly HashSet<ushort> Extended =
    [
        0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28, 0x2D, 0x2E, 0x2C, 0x90, 0x5B, 0x5C, 0x5D, 0x6F, 0xA3, 0xA5,
    ];

    public static ushort ForNamedKey(NamedKey key)
    {
        if (key is >= NamedKey.F1 and <= NamedKey.F24)
        {
            return (ushort)(0x70 + (key - NamedKey.F1));
        }

        return Named.TryGetValue(key, out var vk) ? vk : throw new ArgumentOutOfRangeException(nameof(key), key, "no virtual key for this key");
    }

    public static bool IsExtended(ushort virtualKey) => Extended.Contains(virtualKey);

    /// <summary>The modifiers' keys in the order they go down (and, reversed, come up).</summary>
    public static IEnumerable<ushort> ForModifiers(KeyModifiers modifiers)
    {
        if (modifiers.HasFlag(KeyModifiers.Control))
        {
            yield return Control;
        }

        if (modifiers.HasFlag(KeyModifiers.Alt))
        {
            yield return Menu;
        }

        if (modifiers.HasFlag(KeyModifiers.Shift))
        {
            yield return Shift;
        }

        if (modifiers.HasFlag(KeyModifiers.Meta))
        {
            yield return LeftWindows;
        }
    }

    /// <summary>
    /// The key for a character that does not depend on the keyboard layout: letters and digits have fixed
    /// virtual keys ('A'..'Z', '0'..'9'); anything else is looked up in the active layout at run time.
    /// </summary>
    public static ushort? ForLayoutIndependentCharacter(char character) => character switch
    {
        >= 'a' and <= 'z' => (ushort)char.ToUpperInvariant(character),
        >= 'A' and <= 'Z' => character,
        >= '0' and <= '9' => character,
        ' ' => 0x20,
        _ => null,
    };
}

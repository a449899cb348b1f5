namespace Vibe.Executors.Desktop.Driver;

/// <summary>Modifier keys held while a chord's key is pressed.</summary>
[Flags]
public enum KeyModifiers
{
    None = 0,
    Control = 1,
    Alt = 2,
    Shift = 4,

    /// <summary>The Windows key; Super on Linux.</summary>
    Meta = 8,
}

/// <summary>Keys that are not characters. Backends map them to virtual-key codes or X keysyms.</summary>
public enum NamedKey
{
    None = 0,
    Enter,
    Tab,
    Escape,
    Space,
    Backspace,
    Delete,
    Insert,
    Home,
    End,
    PageUp,
    PageDown,
    Left,
    Right,
    Up,
    Down,
    CapsLock,
    NumLock,
    ScrollLock,
    PrintScreen,
    Pause,
    Menu,
    F1,
    F2,
    F3,
    F4,
    F5,
    F6,
    F7,
    F8,
    F9,
    F10,
    F11,
    F12,
    F13,
    F14,
    F15,
    F16,
    F17,
    F18,
    F19,
    F20,
    F21,
    F22,
    F23,
    F24,

    /// <summary>A modifier pressed on its own ("shift", "ctrl"): the chord's modifiers say which.</summary>
    ModifierOnly,
}

/// <summary>
/// A key combination such as ctrl+s, alt+f4, ctrl+shift+escape, enter or ctrl+a. Either <see cref="Key"/> is a
/// named key, or <see cref="Character"/> holds the character key (lower-case for letters: "ctrl+S" means
/// ctrl+s; write "ctrl+shift+s" for the capital).
/// </summary>
public sealed record KeyChord(KeyModifiers Modifiers, NamedKey Key, char? Character)
{
    private static readonly Dictionary<string, KeyModifiers> ModifierWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ctrl"] = KeyModifiers.Control,
        ["control"] = KeyModifiers.Control,
        ["alt"] = KeyModifiers.Alt,
        ["option"] = KeyModifiers.Alt,
        ["shift"] = KeyModifiers.Shift,
        ["win"] = KeyModifiers.Meta,
        ["windows"] = KeyModifiers.Meta,
        ["super"] = KeyModifiers.Meta,
        ["meta"] = KeyModifiers.Meta,
        ["cmd"] = KeyModifiers.Meta,
    };

    private static readonly Dictionary<string, NamedKey> KeyWords = BuildKeyWords();

    /// <summary>Parses one chord ("ctrl+shift+esc"); throws <see cref="FormatException"/> naming the bad part.</summary>
    public static KeyChord Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            throw new FormatException("key chord is empty");
        }

        // "ctrl++" and "+" name the plus key itself: split on '+' only where it separates two names.
        var parts = SplitChord(trimmed);
        var modifiers = KeyModifiers.None;
        for (var i = 0; i < parts.Count - 1; i++)
        {
            modifiers |= ModifierWords.TryGetValue(parts[i], out var modifier)
                ? modifier
                : throw new FormatException($"key chord '{text}': '{parts[i]}' is not a modifier (use ctrl, alt, shift or win)");
        }

        var last = parts[^1];
        if (ModifierWords.TryGetValue(last, out var lone))
        {
            return new KeyChord(modifiers | lone, NamedKey.ModifierOnly, null);
        }

        if (KeyWords.TryGetValue(last, out var named))
        {
            return new KeyChord(modifiers, named, null);
        }

        if (last.Equals("plus", StringComparison.OrdinalIgnoreCase) || last.Equals("minus", StringComparison.OrdinalIgnoreCase))
        {
            return new KeyChord(modifiers, NamedKey.None, last.Length == 4 ? '+' : '-');
        }

        if (last.Length == 1)
        {
            return new KeyChord(modifiers, NamedKey.None, char.ToLowerInvariant(last[0]));
        }

        throw new FormatException($"key chord '{text}': unknown key '{last}' (a single character, or one of {string.Join(", ", KeyWords.Keys.Order(StringComparer.Ordinal).Take(24))}, ...)");
    }

    /// <summary>Parses chords separated by spaces or commas: "ctrl+a delete", "alt+f, x".</summary>
    public static IReadOnlyList<KeyChord> ParseSequence(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chords = text.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Parse)
            .ToList();
        return chords.Count > 0 ? chords : throw new FormatException("key chord is empty");
    }

    public override string ToString()
    {
        var parts = new List<string>();
        if (Modifiers.HasFlag(KeyModifiers.Control))
        {
            parts.Add("ctrl");
        }

        if (Modifiers.HasFlag(KeyModifiers.Alt))
        {
            parts.Add("alt");
        }

        if (Modifiers.HasFlag(KeyModifiers.Shift))
        {
            parts.Add("shift");
        }

        if (Modifiers.HasFlag(KeyModifiers.Meta))
        {
            parts.Add("win");
        }

        if (Key == NamedKey.ModifierOnly)
        {
            return string.Join('+', parts);
        }

        parts.Add(Key == NamedKey.None ? Character!.Value.ToString() : Key.ToString().ToLowerInvariant());
        return string.Join('+', parts);
    }

    private static List<string> SplitChord(string text)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '+' && i > start)
            {
                parts.Add(text[start..i].Trim());
                start = i + 1;
            }
        }

        parts.Add(start < text.Length ? text[start..].Trim() : "+");
        if (parts.Any(part => part.Length == 0))
        {
            throw new FormatException($"key chord '{text}' has an empty part");
        }

        return parts;
    }

    private static Dictionary<string, NamedKey> BuildKeyWords()
    {
        var words = Enum.GetValues<NamedKey>()
            .Where(key => key is not NamedKey.None and not NamedKey.ModifierOnly)
            .ToDictionary(key => key.ToString(), key => key, StringComparer.OrdinalIgnoreCase);
        words["return"] = NamedKey.Enter;
        words["esc"] = NamedKey.Escape;
        words["del"] = NamedKey.Delete;
        words["ins"] = NamedKey.Insert;
        words["pgup"] = NamedKey.PageUp;
        words["pgdn"] = NamedKey.PageDown;
        words["pagedn"] = NamedKey.PageDown;
        words["prtsc"] = NamedKey.PrintScreen;
        words["printscr"] = NamedKey.PrintScreen;
        words["apps"] = NamedKey.Menu;
        words["contextmenu"] = NamedKey.Menu;
        words["bksp"] = NamedKey.Backspace;
        words["up"] = NamedKey.Up;
        words["arrowup"] = NamedKey.Up;
        words["arrowdown"] = NamedKey.Down;
        words["arrowleft"] = NamedKey.Left;
        words["arrowright"] = NamedKey.Right;
        return words;
    }
}

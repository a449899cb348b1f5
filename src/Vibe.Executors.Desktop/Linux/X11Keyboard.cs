using System.Text;
using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Linux.Native;

namespace Vibe.Executors.Desktop.Linux;

/// <summary>
/// Turns characters and chords into XTest key events. A character the keyboard map lacks (€ on a US map, any
/// CJK character) is typed by binding its keysym to an unused keycode for the moment, as xdotool does, and
/// restoring the keycode afterwards. Used only on the driver's thread.
/// </summary>
internal sealed unsafe class X11Keyboard
{
    // The application must see the temporary binding before it is removed again: it reads the new map when
    // it handles the key event, which can be a little after the server delivered it.
    private static readonly TimeSpan SettleTime = TimeSpan.FromMilliseconds(150);

    private readonly nint _display;
    private readonly List<int> _spareKeycodes = [];
    private readonly Dictionary<nuint, int> _temporary = [];

    private int _minKeycode;
    private int _keysymsPerKeycode;
    private nuint[] _map = [];

    public X11Keyboard(nint display)
    {
        _display = display;
    }

    /// <summary>Reads the server's keyboard map; done before every use because a user or tool may change the layout.</summary>
    private void Load()
    {
        Xlib.XDisplayKeycodes(_display, out _minKeycode, out var maxKeycode);
        var count = maxKeycode - _minKeycode + 1;
        var mapping = Xlib.XGetKeyboardMapping(_display, (byte)_minKeycode, count, out _keysymsPerKeycode);
        if (mapping == null)
        {
            throw new DesktopDriverException("could not read the X keyboard map");
        }

        _map = new nuint[count * _keysymsPerKeycode];
        for (var i = 0; i < _map.Length; i++)
        {
            _map[i] = mapping[i];
        }

        Xlib.XFree((nint)mapping);
        _spareKeycodes.Clear();
        for (var keycode = maxKeycode; keycode >= _minKeycode; keycode--)
        {
            if (Enumerable.Range(0, _keysymsPerKeycode).All(level => _map[((keycode - _minKeycode) * _keysymsPerKeycode) + level] == 0))
            {
                _spareKeycodes.Add(keycode);
            }
        }
    }

    public void TypeText(string text, TimeSpan delayBetweenKeys, CancellationToken cancellationToken)
    {
        Load();
        try
        {
            foreach (var rune in text.EnumerateRunes())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (rune.Value == '\r')
                {
                    continue;
                }

                var (keycode, shifted) = Resolve(KeySyms.FromRune(rune));
                Tap(keycode, shifted ? KeyModifiers.Shift : KeyModifiers.None);
                if (delayBetweenKeys > TimeSpan.Zero)
                {
                    Thread.Sleep(delayBetweenKeys);
                }
            }
        }
        finally
        {
            ReleaseTemporary();
        }
    }

    public void PressChord(KeyChord chord)
    {
        Load();
        try
        {
            var modifiers = chord.Modifiers;
            if (chord.Key == NamedKey.ModifierOnly)
            {
                Tap(null, modifiers);
                return;
            }

            var keysym = chord.Key == NamedKey.None
                ? KeySyms.FromRune(new Rune(chord.Character!.Value))
                : KeySyms.FromNamedKey(chord.Key);
            var (keycode, shifted) = Resolve(keysym);
            Tap(keycode, shifted ? modifiers | KeyModifiers.Shift : modifiers);
        }
        finally
        {
            ReleaseTemporary();
        }
    }

    private void Tap(int? keycode, KeyModifiers modifiers)
    {
        var held = new List<int>();
        foreach (var (flag, keysym) in new[]
                 {
                     (KeyModifiers.Control, KeySyms.ControlL), (KeyModifiers.Alt, KeySyms.AltL),
                     (KeyModifiers.Shift, KeySyms.ShiftL), (KeyModifiers.Meta, KeySyms.SuperL),
                 })
        {
            if (modifiers.HasFlag(flag))
            {
                var (code, _) = Resolve(keysym);
                XTest.XTestFakeKeyEvent(_display, (uint)code, 1, 0);
                held.Add(code);
            }
        }

        if (keycode is { } key)
        {
            XTest.XTestFakeKeyEvent(_display, (uint)key, 1, 0);
            XTest.XTestFakeKeyEvent(_display, (uint)key, 0, 0);
        }

        for (var i = held.Count - 1; i >= 0; i--)
        {
            XTest.XTestFakeKeyEvent(_display, (uint)held[i], 0, 0);
        }

        Xlib.XSync(_display, 0);
    }

    /// <summary>The keycode that produces <paramref name="keysym"/>, and whether Shift is needed.</summary>
    private (int Keycode, bool Shifted) Resolve(nuint keysym)
    {
        if (_temporary.TryGetValue(keysym, out var bound))
        {
            return (bound, false);
        }

        // Only the first two levels (plain, Shift) are reachable without knowing which modifier is AltGr.
        for (var level = 0; level < Math.Min(2, _keysymsPerKeycode); level++)
        {
            for (var i = 0; i < _map.Length / _keysymsPerKeycode; i++)
            {
                if (_map[(i * _keysymsPerKeycode) + level] == keysym)
                {
                    return (_minKeycode + i, level == 1);
                }
            }
        }

        return (BindTemporary(keysym), false);
    }

    private int BindTemporary(nuint keysym)
    {
        if (_spareKeycodes.Count == 0)
        {
            throw new DesktopDriverException($"cannot type keysym 0x{keysym:x}: it is not on the keyboard map and no keycode is free to bind it to");
        }

        if (_temporary.Count == _spareKeycodes.Count)
        {
            ReleaseTemporary();
        }

        var keycode = _spareKeycodes[_temporary.Count];
        SetKeycode(keycode, keysym);
        _temporary[keysym] = keycode;
        return keycode;
    }

    private void ReleaseTemporary()
    {
        if (_temporary.Count == 0)
        {
            return;
        }

        Thread.Sleep(SettleTime);
        foreach (var keycode in _temporary.Values)
        {
            SetKeycode(keycode, 0);
        }

        _temporary.Clear();
        Xlib.XSync(_display, 0);
    }

    private void SetKeycode(int keycode, nuint keysym)
    {
        // Both levels carry the keysym so a held Shift or Caps Lock does not change what is typed.
        var syms = stackalloc nuint[_keysymsPerKeycode];
        for (var level = 0; level < _keysymsPerKeycode; level++)
        {
            syms[level] = level < 2 ? keysym : 0;
        }

        Xlib.XChangeKeyboardMapping(_display, keycode, _keysymsPerKeycode, syms, 1);
        Xlib.XSync(_display, 0);
        for (var level = 0; level < _keysymsPerKeycode; level++)
        {
            _map[((keycode - _minKeycode) * _keysymsPerKeycode) + level] = syms[level];
        }
    }
}

using System.Diagnostics;
using System.Text;
using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Linux.Native;

namespace Vibe.Executors.Desktop.Linux;

/// <summary>
/// Turns characters and chords into XTest key events. A character the keyboard map lacks (€ on a US map, any
/// CJK character) is typed by binding its keysym to an unused keycode, as xdotool does. Unlike xdotool the
/// binding is not undone right after the key: an application reads the new map only when it handles the
/// event, which on a busy machine can be long after the server delivered it. Bindings stay until their keycode
/// is needed for another character (least recently used first, never within a second of its use) or the driver
/// closes. Nothing is lost by waiting: no physical key produces a spare keycode. Used only on the driver's thread.
/// </summary>
internal sealed unsafe class X11Keyboard
{
    private static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(1);

    private readonly nint _display;
    private readonly Dictionary<int, (nuint Keysym, long LastUsed)> _bound = [];
    private readonly List<int> _free = [];
    private int _minKeycode;
    private int _keysymsPerKeycode;
    private nuint[] _map = [];

    public X11Keyboard(nint display)
    {
        _display = display;
    }

    public void TypeText(string text, TimeSpan delayBetweenKeys, CancellationToken cancellationToken)
    {
        Load();
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

    public void PressChord(KeyChord chord)
    {
        Load();
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

    /// <summary>Gives the borrowed keycodes back (when the driver closes), after the last one had time to be read.</summary>
    public void RestoreAll()
    {
        if (_bound.Count == 0)
        {
            return;
        }

        var newest = _bound.Values.Max(binding => binding.LastUsed);
        var wait = SettleTime - Stopwatch.GetElapsedTime(newest);
        if (wait > TimeSpan.Zero)
        {
            Thread.Sleep(wait);
        }

        foreach (var keycode in _bound.Keys.ToList())
        {
            SetKeycode(keycode, 0);
        }

        _bound.Clear();
        Xlib.XSync(_display, 0);
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
        _free.Clear();
        for (var keycode = maxKeycode; keycode >= _minKeycode; keycode--)
        {
            if (Enumerable.Range(0, _keysymsPerKeycode).All(level => _map[((keycode - _minKeycode) * _keysymsPerKeycode) + level] == 0))
            {
                _free.Add(keycode);
            }
        }

        // A binding someone else replaced is no longer ours to restore.
        foreach (var (keycode, binding) in _bound.ToList())
        {
            if (_map[(keycode - _minKeycode) * _keysymsPerKeycode] != binding.Keysym)
            {
                _bound.Remove(keycode);
            }
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
        foreach (var (keycode, binding) in _bound)
        {
            if (binding.Keysym == keysym)
            {
                _bound[keycode] = (keysym, Stopwatch.GetTimestamp());
                return (keycode, false);
            }
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

        return (Bind(keysym), false);
    }

    private int Bind(nuint keysym)
    {
        int keycode;
        if (_free.Count > 0)
        {
            keycode = _free[^1];
            _free.RemoveAt(_free.Count - 1);
        }
        else if (_bound.Count > 0)
        {
            var (oldest, binding) = _bound.MinBy(pair => pair.Value.LastUsed);
            var wait = SettleTime - Stopwatch.GetElapsedTime(binding.LastUsed);
            if (wait > TimeSpan.Zero)
            {
                Thread.Sleep(wait);
            }

            keycode = oldest;
            _bound.Remove(oldest);
        }
        else
        {
            throw new DesktopDriverException($"cannot type keysym 0x{keysym:x}: it is not on the keyboard map and no keycode is free to bind it to");
        }

        SetKeycode(keycode, keysym);
        _bound[keycode] = (keysym, Stopwatch.GetTimestamp());
        return keycode;
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

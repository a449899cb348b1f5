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

    // Time for applications to take in a map change before the first key that needs it arrives.
    private static readonly TimeSpan BindPause = TimeSpan.FromMilliseconds(50);

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
        var runes = text.EnumerateRunes().Where(rune => rune.Value != '\r').ToList();
        var position = 0;
        while (position < runes.Count)
        {
            // Bind what the next stretch of text lacks in one go, then type the stretch: one map change per
            // stretch instead of one between every two keys, which applications digest far more reliably.
            var end = BindAhead(runes, position);
            for (; position < end; position++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (keycode, shifted) = Resolve(KeySyms.FromRune(runes[position]));
                Tap(keycode, shifted ? KeyModifiers.Shift : KeyModifiers.None);
                if (delayBetweenKeys > TimeSpan.Zero)
                {
                    Thread.Sleep(delayBetweenKeys);
                }
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
        BindAll([keysym], keep: new HashSet<nuint>());
        return _bound.First(pair => pair.Value.Keysym == keysym).Key;
    }

    /// <summary>
    /// Binds the keysyms the runes from <paramref name="start"/> on lack, as many as there are keycodes to
    /// spare; returns where the text has to stop before more can be bound.
    /// </summary>
    private int BindAhead(List<Rune> runes, int start)
    {
        var capacity = _free.Count + _bound.Count;
        var wanted = new List<nuint>();
        var used = new HashSet<nuint>();
        var end = start;
        for (; end < runes.Count; end++)
        {
            var keysym = KeySyms.FromRune(runes[end]);
            used.Add(keysym);
            if (wanted.Contains(keysym) || IsTypable(keysym))
            {
                continue;
            }

            if (wanted.Count == capacity)
            {
                break;
            }

            wanted.Add(keysym);
        }

        if (wanted.Count > 0)
        {
            BindAll(wanted, keep: used);
        }

        return Math.Max(end, start + 1);
    }

    private bool IsTypable(nuint keysym)
    {
        if (_bound.Values.Any(binding => binding.Keysym == keysym))
        {
            return true;
        }

        for (var i = 0; i < _map.Length; i++)
        {
            if (_map[i] == keysym && i % _keysymsPerKeycode < 2)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Binds every keysym to a spare keycode (recycling the least recently used binding not in
    /// <paramref name="keep"/> when none is free) in one XChangeKeyboardMapping request over the span they cover.
    /// </summary>
    private void BindAll(IReadOnlyList<nuint> keysyms, IReadOnlySet<nuint> keep)
    {
        var chosen = new List<(int Keycode, nuint Keysym)>();
        foreach (var keysym in keysyms)
        {
            int keycode;
            if (_free.Count > 0)
            {
                keycode = _free[^1];
                _free.RemoveAt(_free.Count - 1);
            }
            else
            {
                var candidates = _bound.Where(pair => !keep.Contains(pair.Value.Keysym)).ToList();
                if (candidates.Count == 0)
                {
                    throw new DesktopDriverException($"cannot type keysym 0x{keysym:x}: it is not on the keyboard map and no keycode is free to bind it to");
                }

                var (oldest, binding) = candidates.MinBy(pair => pair.Value.LastUsed);
                var wait = SettleTime - Stopwatch.GetElapsedTime(binding.LastUsed);
                if (wait > TimeSpan.Zero)
                {
                    Thread.Sleep(wait);
                }

                keycode = oldest;
                _bound.Remove(oldest);
            }

            chosen.Add((keycode, keysym));
        }

        var first = chosen.Min(pair => pair.Keycode);
        var count = chosen.Max(pair => pair.Keycode) - first + 1;
        var span = new nuint[count * _keysymsPerKeycode];
        Array.Copy(_map, (first - _minKeycode) * _keysymsPerKeycode, span, 0, span.Length);
        foreach (var (keycode, keysym) in chosen)
        {
            // Both levels carry the keysym so a held Shift or Caps Lock does not change what is typed.
            for (var level = 0; level < _keysymsPerKeycode; level++)
            {
                span[((keycode - first) * _keysymsPerKeycode) + level] = level < 2 ? keysym : 0;
            }

            _bound[keycode] = (keysym, Stopwatch.GetTimestamp());
        }

        fixed (nuint* syms = span)
        {
            Xlib.XChangeKeyboardMapping(_display, first, _keysymsPerKeycode, syms, count);
        }

        Xlib.XSync(_display, 0);
        Array.Copy(span, 0, _map, (first - _minKeycode) * _keysymsPerKeycode, span.Length);
        Thread.Sleep(BindPause);
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

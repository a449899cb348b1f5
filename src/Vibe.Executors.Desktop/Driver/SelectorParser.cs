using System.Globalization;
using System.Text;

namespace Vibe.Executors.Desktop.Driver;

/// <summary>
/// Hand-written parser for the selector grammar:
/// <code>
/// selector := part { "&gt;&gt;" part }
/// part     := "window" { attr }            (first part only)
///           | ( type | "*" ) { attr }
///           | attr { attr }
///           | quoted-string               (shorthand for *[name="..."])
///           | "win32:" part               (searched and driven with Win32 window messages)
///           | "uia:" part                 (UI Automation, when the robot's desktop.framework is win32)
/// attr     := "[" name op value "]"        op: = *= ^= $= ~=
/// value    := "..." | '...' | bare word (up to "]")
/// </code>
/// </summary>
internal sealed class SelectorParser
{
    private static readonly string[] WindowAttributes = ["title", "process", "pid", "class", "index"];
    private static readonly string[] ElementAttributes = ["name", "id", "role", "class", "index"];

    private readonly string _text;
    private int _position;

    private SelectorParser(string text)
    {
        _text = text;
    }

    public static DesktopSelector Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new SelectorSyntaxException("selector is empty");
        }

        var parser = new SelectorParser(text);
        WindowSelector? window = null;
        var path = new List<ElementSelector>();
        var first = true;
        while (true)
        {
            parser.SkipSpaces();
            if (first && parser.PeekWord().Equals("window", StringComparison.OrdinalIgnoreCase))
            {
                window = parser.ParseWindowPart();
            }
            else
            {
                path.Add(parser.ParseElementPart());
            }

            first = false;
            parser.SkipSpaces();
            if (parser.AtEnd)
            {
                break;
            }

            parser.Expect(">>");
        }

        return new DesktopSelector(window, path);
    }

    public static WindowSelector ParseWindow(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new SelectorSyntaxException("window selector is empty");
        }

        var parser = new SelectorParser(text);
        parser.SkipSpaces();
        var window = parser.ParseWindowPart();
        parser.SkipSpaces();
        if (!parser.AtEnd)
        {
            throw parser.Error(parser.Peek() == '>' ? "a window selector cannot name an element (use a 'selector' for that)" : "expected the end of the window selector");
        }

        return window;
    }

    private bool AtEnd => _position >= _text.Length;

    private char Peek() => AtEnd ? '\0' : _text[_position];

    private WindowSelector ParseWindowPart()
    {
        if (PeekWord().Equals("window", StringComparison.OrdinalIgnoreCase))
        {
            _position += "window".Length;
        }

        var selector = new WindowSelector();
        while (Peek() == '[')
        {
            var (name, op, value, at) = ParseAttribute(WindowAttributes);
            selector = name switch
            {
                "title" => selector with { Title = Match(op, value, at) },
                "process" => selector with { Process = Match(op, value, at) },
                "class" => selector with { ClassName = Match(op, value, at) },
                "pid" => selector with { ProcessId = Number(name, op, value, at) },
                _ => selector with { Index = Number(name, op, value, at), IndexGiven = true },
            };
        }

        return selector;
    }

    private ElementSelector ParseElementPart()
    {
        var framework = ElementFramework.Default;
        var word = PeekWord();
        if (ElementFrameworks.FromWord(word) is { } named && _position + word.Length < _text.Length && _text[_position + word.Length] == ':')
        {
            framework = named;
            _position += word.Length + 1;
        }

        return ParseElementConditions() with { Framework = framework };
    }

    private ElementSelector ParseElementConditions()
    {
        var start = _position;
        if (Peek() is '"' or '\'')
        {
            var name = ReadQuoted();
            return new ElementSelector { Name = new TextMatch(MatchOperator.Equals, name) };
        }

        var selector = new ElementSelector();
        if (Peek() == '*')
        {
            _position++;
        }
        else if (char.IsLetter(Peek()))
        {
            var word = ReadWord();
            if (word.Equals("window", StringComparison.OrdinalIgnoreCase))
            {
                throw Error("'window' may only start a selector", start);
            }

            if (!ControlTypes.TryParse(word, out var type))
            {
                throw Error($"unknown control type '{word}' (known: {string.Join(", ", ControlTypes.Words)})", start);
            }

            selector = selector with { Type = type };
        }
        else if (Peek() != '[')
        {
            throw Error(AtEnd ? "expected an element after '>>'" : $"expected a control type, '*', '[' or a quoted name, found '{Peek()}'");
        }

        while (Peek() == '[')
        {
            var (name, op, value, at) = ParseAttribute(ElementAttributes);
            selector = name switch
            {
                "name" => selector with { Name = Match(op, value, at) },
                "id" => selector with { Id = Match(op, value, at) },
                "role" => selector with { Role = Match(op, value, at) },
                "class" => selector with { ClassName = Match(op, value, at) },
                _ => selector with { Index = Number(name, op, value, at) },
            };
        }

        return selector;
    }

    private (string Name, MatchOperator Op, string Value, int At) ParseAttribute(string[] allowed)
    {
        var open = _position;
        _position++;
        SkipSpaces();
        var nameAt = _position;
        var name = ReadWord().ToLowerInvariant();
        if (name.Length == 0)
        {
            throw Error("expected an attribute name after '['");
        }

        if (!allowed.Contains(name))
        {
            throw Error($"unknown attribute '{name}' (use {string.Join(", ", allowed)})", nameAt);
        }

        SkipSpaces();
        var opAt = _position;
        var op = ReadOperator() ?? throw Error($"expected =, *=, ^=, $= or ~= after '{name}'", opAt);
        SkipSpaces();
        var valueAt = _position;
        string value;
        if (Peek() is '"' or '\'')
        {
            value = ReadQuoted();
        }
        else
        {
            var end = _text.IndexOf(']', _position);
            if (end < 0)
            {
                throw Error("missing ']'", open);
            }

            value = _text[_position..end].Trim();
            _position = end;
        }

        SkipSpaces();
        if (Peek() != ']')
        {
            throw Error("expected ']'");
        }

        _position++;
        return (name, op, value, valueAt);
    }

    private MatchOperator? ReadOperator()
    {
        if (Peek() == '=')
        {
            _position++;
            return MatchOperator.Equals;
        }

        if (_position + 1 < _text.Length && _text[_position + 1] == '=')
        {
            MatchOperator? op = _text[_position] switch
            {
                '*' => MatchOperator.Contains,
                '^' => MatchOperator.StartsWith,
                '$' => MatchOperator.EndsWith,
                '~' => MatchOperator.Regex,
                _ => null,
            };
            if (op is not null)
            {
                _position += 2;
            }

            return op;
        }

        return null;
    }

    private TextMatch Match(MatchOperator op, string value, int at)
    {
        if (op == MatchOperator.Regex)
        {
            try
            {
                return new TextMatch(op, value);
            }
            catch (ArgumentException ex)
            {
                throw Error($"invalid regular expression: {ex.Message}", at);
            }
        }

        return new TextMatch(op, value);
    }

    private int Number(string name, MatchOperator op, string value, int at)
    {
        if (op != MatchOperator.Equals)
        {
            throw Error($"'{name}' takes '=' and a whole number", at);
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw Error($"'{name}' must be a whole number of 0 or more, not '{value}'", at);
    }

    private string ReadQuoted()
    {
        var quote = _text[_position];
        var start = _position;
        _position++;
        var value = new StringBuilder();
        while (!AtEnd && _text[_position] != quote)
        {
            if (_text[_position] == '\\' && _position + 1 < _text.Length)
            {
                _position++;
            }

            value.Append(_text[_position]);
            _position++;
        }

        if (AtEnd)
        {
            throw Error($"unterminated quoted value (missing {quote})", start);
        }

        _position++;
        return value.ToString();
    }

    private string PeekWord()
    {
        var end = _position;
        while (end < _text.Length && (char.IsLetterOrDigit(_text[end]) || _text[end] == '_' || _text[end] == '-'))
        {
            end++;
        }

        return _text[_position..end];
    }

    private string ReadWord()
    {
        var word = PeekWord();
        _position += word.Length;
        return word;
    }

    private void SkipSpaces()
    {
        while (!AtEnd && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private void Expect(string token)
    {
        if (string.CompareOrdinal(_text, _position, token, 0, token.Length) != 0)
        {
            throw Error($"expected '{token}' between parts");
        }

        _position += token.Length;
    }

    private SelectorSyntaxException Error(string message, int? at = null) =>
        new($"selector '{_text}': {message} at position {(at ?? _position) + 1}");
}

using Vibe.Executors.Desktop.Driver;

namespace Vibe.Executors.Desktop.Tests.Unit;

public sealed class KeyChordTests
{
    [Theory]
    [InlineData("ctrl+s", KeyModifiers.Control, NamedKey.None, 's')]
    [InlineData("Ctrl+Shift+S", KeyModifiers.Control | KeyModifiers.Shift, NamedKey.None, 's')]
    [InlineData("alt+f4", KeyModifiers.Alt, NamedKey.F4, null)]
    [InlineData("ctrl+shift+esc", KeyModifiers.Control | KeyModifiers.Shift, NamedKey.Escape, null)]
    [InlineData("win+r", KeyModifiers.Meta, NamedKey.None, 'r')]
    [InlineData("enter", KeyModifiers.None, NamedKey.Enter, null)]
    [InlineData("ctrl++", KeyModifiers.Control, NamedKey.None, '+')]
    [InlineData("ctrl+plus", KeyModifiers.Control, NamedKey.None, '+')]
    [InlineData("pgdn", KeyModifiers.None, NamedKey.PageDown, null)]
    [InlineData("shift", KeyModifiers.Shift, NamedKey.ModifierOnly, null)]
    public void Parse_ReadsModifiersAndKey(string text, KeyModifiers modifiers, NamedKey key, char? character)
    {
        Assert.Equal(new KeyChord(modifiers, key, character), KeyChord.Parse(text));
    }

    [Fact]
    public void ParseSequence_SplitsOnSpacesAndCommas()
    {
        var chords = KeyChord.ParseSequence("ctrl+a delete, alt+f x");

        Assert.Equal(["ctrl+a", "delete", "alt+f", "x"], chords.Select(chord => chord.ToString()));
    }

    [Theory]
    [InlineData("ctrl+foo", "unknown key 'foo'")]
    [InlineData("hyper+a", "'hyper' is not a modifier")]
    [InlineData("   ", "key chord is empty")]
    public void Parse_BadChord_NamesThePart(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => KeyChord.Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}

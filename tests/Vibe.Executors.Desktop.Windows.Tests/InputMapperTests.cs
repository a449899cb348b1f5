using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Windows.Input;
using Vibe.Executors.Desktop.Windows.Interop;
using static Vibe.Executors.Desktop.Windows.Interop.KEYBDINPUT;
using static Vibe.Executors.Desktop.Windows.Interop.MOUSEINPUT;

namespace Vibe.Executors.Desktop.Windows.Tests;

public sealed class InputMapperTests
{
    // VkKeyScan's answers on a US layout for the characters these tests use.
    private static readonly Func<char, LayoutKey?> UsLayout = character => character switch
    {
        '+' => InputMapper.FromVkKeyScan(0x1BB),
        '/' => InputMapper.FromVkKeyScan(0xBF),
        _ => null,
    };

    [Fact]
    public void Chord_ctrl_s_presses_ctrl_then_S_and_releases_in_reverse()
    {
        var inputs = InputMapper.Chord(KeyChord.Parse("ctrl+s"), UsLayout);

        Assert.Equal(["down 11", "down 53", "up 53", "up 11"], inputs.Select(Describe));
    }

    [Fact]
    public void Chord_ctrl_shift_escape_holds_both_modifiers_around_the_key()
    {
        var inputs = InputMapper.Chord(KeyChord.Parse("ctrl+shift+esc"), UsLayout);

        Assert.Equal(["down 11", "down 10", "down 1B", "up 1B", "up 10", "up 11"], inputs.Select(Describe));
    }

    [Fact]
    public void Chord_alt_f4_uses_the_function_key_code()
    {
        Assert.Equal(["down 12", "down 73", "up 73", "up 12"], InputMapper.Chord(KeyChord.Parse("alt+f4"), UsLayout).Select(Describe));
    }

    [Theory]
    [InlineData("shift+end", "23")]
    [InlineData("ctrl+home", "24")]
    [InlineData("delete", "2E")]
    [InlineData("up", "26")]
    public void Navigation_keys_are_sent_as_extended_keys_so_the_keypad_twin_is_not_pressed(string chord, string vk)
    {
        var key = InputMapper.Chord(KeyChord.Parse(chord), UsLayout).Single(input => input.Data.Keyboard.VirtualKey == Convert.ToUInt16(vk, 16) && (input.Data.Keyboard.Flags & KEYEVENTF_KEYUP) == 0);

        Assert.NotEqual(0u, key.Data.Keyboard.Flags & KEYEVENTF_EXTENDEDKEY);
    }

    [Fact]
    public void Modifier_keys_themselves_are_not_extended()
    {
        var inputs = InputMapper.Chord(KeyChord.Parse("ctrl+s"), UsLayout);

        Assert.All(inputs, input => Assert.Equal(0u, input.Data.Keyboard.Flags & KEYEVENTF_EXTENDEDKEY));
    }

    [Fact]
    public void Chord_with_a_punctuation_key_holds_the_shift_the_layout_needs()
    {
        // '+' is shift+'=' (VK_OEM_PLUS, 0xBB) on a US layout.
        Assert.Equal(["down 11", "down 10", "down BB", "up BB", "up 10", "up 11"], InputMapper.Chord(KeyChord.Parse("ctrl++"), UsLayout).Select(Describe));
        Assert.Equal(["down 11", "down BF", "up BF", "up 11"], InputMapper.Chord(KeyChord.Parse("ctrl+/"), UsLayout).Select(Describe));
    }

    [Fact]
    public void Chord_with_a_character_missing_from_the_layout_says_so()
    {
        var error = Assert.Throws<DesktopDriverException>(() => InputMapper.Chord(KeyChord.Parse("ctrl+é"), UsLayout));

        Assert.Contains("'é' is not on the active keyboard layout", error.Message);
    }

    [Fact]
    public void A_lone_character_missing_from_the_layout_is_typed_as_unicode()
    {
        var inputs = InputMapper.Chord(KeyChord.Parse("é"), UsLayout);

        Assert.Equal(["unicode down é", "unicode up é"], inputs.Select(Describe));
    }

    [Fact]
    public void Modifier_alone_is_pressed_and_released()
    {
        Assert.Equal(["down 10", "up 10"], InputMapper.Chord(KeyChord.Parse("shift"), UsLayout).Select(Describe));
    }

    [Fact]
    public void Text_is_sent_as_unicode_units_with_enter_and_tab_as_keys()
    {
        var inputs = InputMapper.Text("Hé\r\n\t😀");

        Assert.Equal(
            [
                "unicode down H", "unicode up H", "unicode down é", "unicode up é",
                "down 0D", "up 0D", "down 09", "up 09",
                "unicode down \uD83D", "unicode up \uD83D", "unicode down \uDE00", "unicode up \uDE00",
            ],
            inputs.Select(Describe));
    }

    [Theory]
    [InlineData(0, 0, 1920, 1080)]
    [InlineData(-1920, 0, 3840, 1080)]
    [InlineData(-1280, -300, 4480, 1740)]
    [InlineData(0, 0, 7680, 4320)]
    public void Absolute_coordinates_land_on_every_pixel_of_the_virtual_screen(int left, int top, int width, int height)
    {
        var screen = new ScreenRect(left, top, width, height);

        // Windows turns the 0..65535 coordinate back into a pixel as (value * size) >> 16.
        for (var x = left; x < left + width; x++)
        {
            var (dx, _) = InputMapper.Normalize(new ScreenPoint(x, top), screen);
            Assert.Equal(x - left, (int)((dx * (long)width) >> 16));
        }

        for (var y = top; y < top + height; y++)
        {
            var (_, dy) = InputMapper.Normalize(new ScreenPoint(left, y), screen);
            Assert.Equal(y - top, (int)((dy * (long)height) >> 16));
        }
    }

    [Fact]
    public void Absolute_move_covers_the_whole_virtual_desktop()
    {
        var move = InputMapper.MoveTo(new ScreenPoint(-1920, 0), new ScreenRect(-1920, 0, 3840, 1080));

        Assert.Equal(MOUSEEVENTF_MOVE | MOUSEEVENTF_ABSOLUTE | MOUSEEVENTF_VIRTUALDESK, move.Data.Mouse.Flags);
        Assert.Equal(INPUT.INPUT_MOUSE, move.Type);
    }

    [Fact]
    public void A_point_outside_the_screen_is_refused_with_both_in_the_message()
    {
        var error = Assert.Throws<DesktopDriverException>(() => InputMapper.MoveTo(new ScreenPoint(1920, 5), new ScreenRect(0, 0, 1920, 1080)));

        Assert.Equal("point (1920, 5) is outside the screen (0,0 1920x1080)", error.Message);
    }

    [Fact]
    public void Double_right_click_moves_once_then_presses_twice()
    {
        var inputs = InputMapper.Click(new ScreenPoint(10, 10), new ScreenRect(0, 0, 100, 100), MouseButton.Right, 2);

        Assert.Equal(
            [MOUSEEVENTF_MOVE | MOUSEEVENTF_ABSOLUTE | MOUSEEVENTF_VIRTUALDESK, MOUSEEVENTF_RIGHTDOWN, MOUSEEVENTF_RIGHTUP, MOUSEEVENTF_RIGHTDOWN, MOUSEEVENTF_RIGHTUP],
            inputs.Select(input => input.Data.Mouse.Flags));
    }

    [Fact]
    public void Scrolling_down_is_a_negative_wheel_delta_and_right_a_positive_horizontal_one()
    {
        var inputs = InputMapper.Scroll(down: 3, right: 2);

        Assert.Equal((MOUSEEVENTF_WHEEL, -360), (inputs[0].Data.Mouse.Flags, inputs[0].Data.Mouse.MouseData));
        Assert.Equal((MOUSEEVENTF_HWHEEL, 240), (inputs[1].Data.Mouse.Flags, inputs[1].Data.Mouse.MouseData));
    }

    private static string Describe(INPUT input)
    {
        var key = input.Data.Keyboard;
        var direction = (key.Flags & KEYEVENTF_KEYUP) != 0 ? "up" : "down";
        return (key.Flags & KEYEVENTF_UNICODE) != 0
            ? $"unicode {direction} {(char)key.Scan}"
            : $"{direction} {key.VirtualKey:X2}";
    }
}

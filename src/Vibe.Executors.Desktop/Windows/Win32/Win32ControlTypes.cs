using Vibe.Executors.Desktop.Driver;

namespace Vibe.Executors.Desktop.Windows.Win32;

/// <summary>
/// The selector word of a Win32 control, read from its window class (and a button's style, since check boxes,
/// radio buttons and group boxes are all class "Button"). Pure logic, so it is tested on Linux.
/// </summary>
internal static class Win32ControlTypes
{
    private const int ButtonTypeMask = 0x0F;

    public static ControlType Of(string className, int style)
    {
        if (className.Equals("Button", StringComparison.OrdinalIgnoreCase))
        {
            return (style & ButtonTypeMask) switch
            {
                2 or 3 or 5 or 6 => ControlType.CheckBox,
                4 or 9 => ControlType.RadioButton,
                7 => ControlType.Group,
                0xC or 0xD => ControlType.SplitButton,
                _ => ControlType.Button,
            };
        }

        if (className.StartsWith("RichEdit", StringComparison.OrdinalIgnoreCase) || className.Equals("Edit", StringComparison.OrdinalIgnoreCase))
        {
            return ControlType.Edit;
        }

        return className.ToUpperInvariant() switch
        {
            "STATIC" => ControlType.Text,
            "COMBOBOX" or "COMBOBOXEX32" => ControlType.ComboBox,
            "LISTBOX" or "COMBOLBOX" or "SYSLISTVIEW32" => ControlType.List,
            "SYSTREEVIEW32" => ControlType.Tree,
            "SYSTABCONTROL32" => ControlType.Tab,
            "MSCTLS_STATUSBAR32" => ControlType.StatusBar,
            "TOOLBARWINDOW32" => ControlType.ToolBar,
            "MSCTLS_PROGRESS32" => ControlType.ProgressBar,
            "MSCTLS_TRACKBAR32" => ControlType.Slider,
            "MSCTLS_UPDOWN32" => ControlType.Spinner,
            "SCROLLBAR" => ControlType.ScrollBar,
            "SYSLINK" => ControlType.Hyperlink,
            "SYSHEADER32" => ControlType.Header,
            "#32770" => ControlType.Dialog,
            _ => ControlType.Pane,
        };
    }

    /// <summary>Edit controls hold their content as window text: it is their value, not their name.</summary>
    public static bool TextIsValue(ControlType type) => type == ControlType.Edit;

    /// <summary>
    /// A control's text as a person reads it: "&amp;No" is shown as "No" with N underlined, "&amp;&amp;" as one ampersand.
    /// UI Automation drops the marks the same way, so a name reads the same through either framework.
    /// </summary>
    public static string WithoutMnemonics(string text)
    {
        if (!text.Contains('&', StringComparison.Ordinal))
        {
            return text;
        }

        var shown = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '&' && i + 1 < text.Length)
            {
                i++;
            }

            shown.Append(text[i]);
        }

        return shown.ToString();
    }
}

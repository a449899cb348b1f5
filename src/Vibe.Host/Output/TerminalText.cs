using System.Globalization;
using System.Text;

namespace Vibe.Host.Output;

/// <summary>Text from robots and their programs, made safe to print: control characters become visible escapes.</summary>
internal static class TerminalText
{
    public static string Escape(string text)
    {
        if (!text.Any(IsControl))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (!IsControl(c))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(c switch
                {
                    '\r' => "\\r",
                    '\n' => "\\n",
                    '\u001B' => "\\e",
                    _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                });
            }
        }

        return builder.ToString();
    }

    // C0 and C1 controls and DEL (C1 includes the 8-bit CSI); also the bidirectional overrides, which reorder what is
    // shown. A tab only moves the cursor right, and programs' tables use it: it stays.
    private static bool IsControl(char c) =>
        (char.IsControl(c) && c != '\t') || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}

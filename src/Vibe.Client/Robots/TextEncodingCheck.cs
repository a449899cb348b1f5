using System.Text.Unicode;

namespace Vibe.Infrastructure.Robots;

/// <summary>
/// Robot files are UTF-8, with or without the byte order mark Windows Notepad writes. Anything else is named
/// for what it looks like, so the operator knows to save the file again as UTF-8.
/// </summary>
internal static class TextEncodingCheck
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>The UTF-8 content without a BOM, or why the bytes are not UTF-8 (and where, when one byte is to blame).</summary>
    public static (byte[] Content, string? Problem, (long Line, long Column)? At) AsUtf8(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith(Utf8Bom))
        {
            bytes = bytes[Utf8Bom.Length..];
        }

        var looksLike = bytes switch
        {
            [0xFF, 0xFE, 0x00, 0x00, ..] => "UTF-32 LE",
            [0xFF, 0xFE, ..] => "UTF-16 LE",
            [0xFE, 0xFF, ..] => "UTF-16 BE",
            [_, 0x00, _, 0x00, ..] => "UTF-16 LE",
            [0x00, _, 0x00, _, ..] => "UTF-16 BE",
            _ => null,
        };
        if (looksLike is not null)
        {
            return (bytes, $"the file is not UTF-8 (it looks like {looksLike}): save it as UTF-8", null);
        }

        if (!Utf8.IsValid(bytes))
        {
            return (bytes, "the file is not UTF-8 (this byte is not UTF-8; it looks like Windows-1252 or Latin-1): save it as UTF-8", FirstInvalid(bytes));
        }

        return (bytes, null, null);
    }

    private static (long Line, long Column) FirstInvalid(byte[] bytes)
    {
        int line = 1, lineStart = 0, index = 0;
        while (index < bytes.Length)
        {
            var length = SequenceLength(bytes, index);
            if (length == 0)
            {
                return (line, index - lineStart + 1);
            }

            if (bytes[index] == (byte)'\n')
            {
                line++;
                lineStart = index + 1;
            }

            index += length;
        }

        return (line, index - lineStart + 1);
    }

    private static int SequenceLength(byte[] bytes, int index)
    {
        var first = bytes[index];
        var length = first < 0x80 ? 1 : (first & 0xE0) == 0xC0 ? 2 : (first & 0xF0) == 0xE0 ? 3 : (first & 0xF8) == 0xF0 ? 4 : 0;
        return length > 0 && index + length <= bytes.Length && Utf8.IsValid(bytes.AsSpan(index, length)) ? length : 0;
    }
}

namespace Vibe.Host.Output;

/// <summary>A plain text table: columns as wide as their widest cell, for terminals and logs alike.</summary>
internal static class Table
{
    public static void Write(TextWriter writer, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = rows.ToList();
        var widths = headers.Select((header, i) => Math.Max(header.Length, all.Count == 0 ? 0 : all.Max(row => row[i].Length))).ToArray();
        writer.WriteLine(Line(headers, widths));
        foreach (var row in all)
        {
            writer.WriteLine(Line(row, widths));
        }
    }

    private static string Line(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", cells.Select((cell, i) => i == cells.Count - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd();
}

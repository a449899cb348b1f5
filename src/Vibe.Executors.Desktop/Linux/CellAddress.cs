using System.Text.RegularExpressions;
using Vibe.Executors.Desktop.Driver;

namespace Vibe.Executors.Desktop.Linux;

/// <summary>
/// A spreadsheet cell reference such as "A3" or "AB120" (0-based row and column), read from a selector's exact
/// name. It lets a search ask a table for one cell instead of walking its children: a sheet reports millions.
/// </summary>
internal readonly partial record struct CellAddress(int Row, int Column)
{
    /// <summary>The address the selector names exactly (<c>cell[name="A3"]</c>), or null.</summary>
    public static CellAddress? From(ElementSelector selector) =>
        selector.Type is ControlType.Cell or ControlType.Unknown
        && selector.Name is { Operator: MatchOperator.Equals } name
            ? Parse(name.Value.Trim())
            : null;

    public static CellAddress? Parse(string text)
    {
        var match = Reference().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var column = 0;
        foreach (var letter in match.Groups[1].Value.ToUpperInvariant())
        {
            column = (column * 26) + (letter - 'A' + 1);
        }

        return int.TryParse(match.Groups[2].ValueSpan, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var row) && row > 0
            ? new CellAddress(row - 1, column - 1)
            : null;
    }

    [GeneratedRegex("^([A-Za-z]{1,3})([0-9]{1,7})$", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}

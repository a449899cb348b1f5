using System.Text.RegularExpressions;

namespace Vibe.Executors.Desktop.Driver;

/// <summary>How a selector attribute compares: = exact, *= contains, ^= starts with, $= ends with, ~= regex.</summary>
public enum MatchOperator
{
    Equals,
    Contains,
    StartsWith,
    EndsWith,
    Regex,
}

/// <summary>
/// One text comparison of a selector. All but regex ignore case (window titles and labels change case between
/// versions more often than robots should care); a regex is case-sensitive unless it says (?i). Typographic
/// variants count as the same character on both sides (’ and ', “ ” and ", a non-breaking space and a space: what
/// a robot author types is rarely what a translator put in the label), and = ignores the padding some toolkits
/// put around names.
/// </summary>
public sealed record TextMatch(MatchOperator Operator, string Value)
{
    private readonly Regex? _regex = Operator == MatchOperator.Regex
        ? new Regex(Value, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
        : null;

    private readonly string _folded = Fold(Value);

    public bool IsMatch(string? text)
    {
        text ??= "";
        if (Operator == MatchOperator.Regex)
        {
            return _regex!.IsMatch(text) || _regex.IsMatch(Fold(text));
        }

        var folded = Fold(text);
        return Operator switch
        {
            MatchOperator.Equals => string.Equals(folded.Trim(), _folded.Trim(), StringComparison.OrdinalIgnoreCase),
            MatchOperator.Contains => folded.Contains(_folded, StringComparison.OrdinalIgnoreCase),
            MatchOperator.StartsWith => folded.TrimStart().StartsWith(_folded, StringComparison.OrdinalIgnoreCase),
            MatchOperator.EndsWith => folded.TrimEnd().EndsWith(_folded, StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }

    /// <summary>The text with typographic quotes, apostrophes and spaces replaced by their plain forms.</summary>
    public static string Fold(string text)
    {
        if (!text.Any(IsVariant))
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] switch
                {
                    '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u00B4' => '\'',
                    '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
                    '\u00A0' or '\u2007' or '\u202F' or '\u2009' or '\u200A' => ' ',
                    var other => other,
                };
            }
        });
    }

    private static bool IsVariant(char c) => c is '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u00B4'
        or '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB'
        or '\u00A0' or '\u2007' or '\u202F' or '\u2009' or '\u200A';

    public static string OperatorText(MatchOperator op) => op switch
    {
        MatchOperator.Contains => "*=",
        MatchOperator.StartsWith => "^=",
        MatchOperator.EndsWith => "$=",
        MatchOperator.Regex => "~=",
        _ => "=",
    };

    public override string ToString() => $"{OperatorText(Operator)}\"{Value.Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
}

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
/// versions more often than robots should care); a regex is case-sensitive unless it says (?i).
/// </summary>
public sealed record TextMatch(MatchOperator Operator, string Value)
{
    private readonly Regex? _regex = Operator == MatchOperator.Regex
        ? new Regex(Value, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
        : null;

    public bool IsMatch(string? text)
    {
        text ??= "";
        return Operator switch
        {
            MatchOperator.Equals => string.Equals(text, Value, StringComparison.OrdinalIgnoreCase),
            MatchOperator.Contains => text.Contains(Value, StringComparison.OrdinalIgnoreCase),
            MatchOperator.StartsWith => text.StartsWith(Value, StringComparison.OrdinalIgnoreCase),
            MatchOperator.EndsWith => text.EndsWith(Value, StringComparison.OrdinalIgnoreCase),
            MatchOperator.Regex => _regex!.IsMatch(text),
            _ => false,
        };
    }

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

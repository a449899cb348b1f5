using System.Text.RegularExpressions;

namespace Vibe.Infrastructure.Configuration;

/// <summary>
/// The .env format vibe reads (documented in .env.example and README.md):
/// <list type="bullet">
/// <item>one <c>KEY=value</c> per line, optionally prefixed with <c>export </c>; KEY is letters, digits and underscores;</item>
/// <item>blank lines and lines whose first non-blank character is <c>#</c> are ignored;</item>
/// <item>an unquoted value is the rest of the line with surrounding spaces removed, up to a <c>#</c> that follows a space
/// or tab (an end-of-line comment, as in other .env readers); a <c>#</c> right after a character is part of the value;</item>
/// <item>a value in single or double quotes is taken exactly as written between the quotes (spaces, <c>#</c>, <c>=</c>,
/// backslashes) and may span lines; only spaces or a <c># comment</c> may follow the closing quote.</item>
/// </list>
/// Any other line is an error naming its line number, never its text (it may be a secret).
/// </summary>
public static partial class DotEnvFile
{
    /// <summary>The values of <paramref name="text"/>; throws <see cref="SettingsException"/> listing every bad line.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string text, string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var match = Assignment().Match(line);
            if (!match.Success)
            {
                problems.Add(line.Contains('=', StringComparison.Ordinal)
                    ? $"{path}:{number}: the name before '=' is not a valid key (letters, digits and underscores, not starting with a digit)"
                    : $"{path}:{number}: this line is not KEY=value (a comment line starts with #)");
                continue;
            }

            var key = match.Groups["key"].Value;
            var rest = match.Groups["value"].Value.Trim();
            if (rest.Length == 0 || rest[0] is not ('"' or '\''))
            {
                var comment = EndOfLineComment().Match(rest);
                values[key] = comment.Success ? rest[..comment.Index].TrimEnd() : rest;
                continue;
            }

            // A quoted value: everything up to the matching quote, across lines if need be.
            var quote = rest[0];
            var content = rest[1..];
            var startLine = number;
            var collected = new List<string>();
            int close;
            while ((close = content.IndexOf(quote, StringComparison.Ordinal)) < 0 && i + 1 < lines.Length)
            {
                collected.Add(content);
                content = lines[++i];
            }

            if (close < 0)
            {
                problems.Add($"{path}:{startLine}: the value of {key} opens a {QuoteName(quote)} quote that is never closed");
                continue;
            }

            collected.Add(content[..close]);
            var after = content[(close + 1)..].Trim();
            if (after.Length > 0 && !after.StartsWith('#'))
            {
                problems.Add($"{path}:{i + 1}: the value of {key} has text after its closing {QuoteName(quote)} quote (put the whole value inside the quotes)");
                continue;
            }

            values[key] = string.Join('\n', collected);
        }

        if (problems.Count > 0)
        {
            throw new SettingsException(problems.Count == 1 ? problems[0] : $"{path} has {problems.Count} lines vibe cannot read", problems);
        }

        return values;
    }

    private static string QuoteName(char quote) => quote == '"' ? "double" : "single";

    [GeneratedRegex(@"[ \t]#")]
    private static partial Regex EndOfLineComment();

    [GeneratedRegex(@"^(?:export\s+)?(?<key>[A-Za-z_][A-Za-z0-9_]*)\s*=(?<value>.*)$", RegexOptions.Singleline)]
    private static partial Regex Assignment();
}

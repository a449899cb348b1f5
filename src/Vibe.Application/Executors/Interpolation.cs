using System.Text;

namespace Vibe.Application.Executors;

/// <summary>The ${env:NAME} / ${name} syntax shared by step parameters and anything else that interpolates.</summary>
public static class Interpolation
{
    /// <summary>Environment references in a text, for validation before a run ("NAME" for each ${env:NAME}).</summary>
    public static IEnumerable<string> EnvironmentReferences(string text)
    {
        var start = 0;
        while ((start = text.IndexOf("${env:", start, StringComparison.Ordinal)) >= 0)
        {
            var end = text.IndexOf('}', start);
            if (end < 0)
            {
                yield break;
            }

            yield return text[(start + 6)..end];
            start = end + 1;
        }
    }

    /// <summary>What is wrong with the ${...} syntax of a text ("${env:OOPS" never closed, "${}"); null when nothing.</summary>
    public static string? SyntaxProblem(string text)
    {
        var start = 0;
        while ((start = text.IndexOf("${", start, StringComparison.Ordinal)) >= 0)
        {
            var end = text.IndexOf('}', start);
            if (end < 0)
            {
                return $"'{Excerpt(text[start..])}' is not closed: write ${{env:NAME}} or ${{variable}} with its '}}'";
            }

            var name = text[(start + 2)..end];
            if (name.Length == 0 || name == "env:")
            {
                return $"'{text[start..(end + 1)]}' names nothing: write ${{env:NAME}} or ${{variable}}";
            }

            start = end + 1;
        }

        return null;
    }

    private static string Excerpt(string text) => text.Length <= 20 ? text : text[..20] + "...";

    internal static string Apply(string text, RunVariables variables, Func<string, Exception> missing)
    {
        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var position = 0;
        while (position < text.Length)
        {
            var start = text.IndexOf("${", position, StringComparison.Ordinal);
            var end = start < 0 ? -1 : text.IndexOf('}', start);
            if (start < 0 || end < 0)
            {
                result.Append(text, position, text.Length - position);
                break;
            }

            result.Append(text, position, start - position);
            var name = text[(start + 2)..end];
            result.Append(Resolve(name, variables, missing));
            position = end + 1;
        }

        return result.ToString();
    }

    private static string Resolve(string name, RunVariables variables, Func<string, Exception> missing)
    {
        if (name.StartsWith("env:", StringComparison.Ordinal))
        {
            var variable = name[4..];
            var value = variables.Environment.Get(variable) ?? throw missing($"environment variable {variable}");
            variables.Masker.AddSecret(value);
            return value;
        }

        return variables.TryGet(name, out var stored) ? stored : throw missing($"variable '{name}'");
    }
}

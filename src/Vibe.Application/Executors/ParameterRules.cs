using System.Globalization;
using System.Text.Json;
using Vibe.Application.Common.Text;
using Vibe.Domain.Robots;

namespace Vibe.Application.Executors;

/// <summary>
/// Checks written values against <see cref="ParameterDescriptor"/>s: unknown names (with a suggestion), types,
/// choices, durations and ranges. Used for step parameters and executor option blocks alike; each problem is
/// returned with the key it is about. A value that interpolates (${...}) is known only at run time and is not
/// type-checked.
/// </summary>
public static class ParameterRules
{
    /// <param name="owner">What the values belong to, for messages: "action 'click'", "the web block".</param>
    /// <param name="noun">What one value is called there: "parameter", "setting".</param>
    public static IEnumerable<(string Key, string Message)> Check(
        IReadOnlyDictionary<string, JsonElement> values, IReadOnlyList<ParameterDescriptor> parameters, string owner, string noun = "parameter")
    {
        foreach (var parameter in parameters.Where(parameter => parameter.Required))
        {
            if (!values.ContainsKey(parameter.Name))
            {
                yield return (parameter.Name, $"{owner} needs \"{parameter.Name}\"");
            }
        }

        foreach (var (key, value) in values)
        {
            var parameter = parameters.FirstOrDefault(candidate => candidate.Name == key);
            if (parameter is null)
            {
                yield return (key, $"unknown {noun} '{key}' for {owner}{Suggestions.DidYouMean(key, parameters.Select(candidate => candidate.Name))}");
                continue;
            }

            if (Problem(parameter, value) is { } problem)
            {
                yield return (key, problem);
            }
        }
    }

    /// <summary>Why <paramref name="value"/> does not fit <paramref name="parameter"/>; null when it does.</summary>
    public static string? Problem(ParameterDescriptor parameter, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String && value.GetString()!.Contains("${", StringComparison.Ordinal))
        {
            return null;
        }

        var name = parameter.Name;
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        };
        switch (parameter.Type)
        {
            case ParameterType.Text:
                return text is null ? $"{name} must be text, not {Kind(value)}" : null;
            case ParameterType.Selector:
                return string.IsNullOrWhiteSpace(text) || value.ValueKind != JsonValueKind.String ? $"{name} must be a selector in quotes, not {Kind(value)}" : null;
            case ParameterType.Variable:
                return value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(text) || text.Contains('}', StringComparison.Ordinal)
                    ? $"{name} must be the name of a variable (\"total\", without ${{ }})"
                    : null;
            case ParameterType.Duration:
                if (!TryDuration(text, out var length))
                {
                    return text is not null && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                        ? Duration.Problem(name, text, "00:00:05, 500ms, 5s, 2m")
                        : $"{name} '{text ?? Kind(value)}' is not a duration (use 00:00:05, 500ms, 5s, 2m), at most {Duration.Format(Duration.Longest)}";
                }

                return parameter.Minimum > 0 && length <= TimeSpan.Zero ? $"{name} must be longer than 0" : null;
            case ParameterType.Integer:
            case ParameterType.Number:
                if (text is null || value.ValueKind is JsonValueKind.True or JsonValueKind.False
                    || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    return $"{name} must be {(parameter.Type == ParameterType.Integer ? "a whole number" : "a number")}, not {Shown(value)}";
                }

                if (parameter.Type == ParameterType.Integer && number != Math.Floor(number))
                {
                    return $"{name} must be a whole number, not {text}";
                }

                return number < parameter.Minimum || number > parameter.Maximum
                    ? $"{name} must be between {parameter.Minimum?.ToString(CultureInfo.InvariantCulture) ?? "-∞"} and {parameter.Maximum?.ToString(CultureInfo.InvariantCulture) ?? "∞"}, not {text}"
                    : null;
            case ParameterType.Boolean:
                return value.ValueKind is JsonValueKind.True or JsonValueKind.False || (text is not null && bool.TryParse(text, out _))
                    ? null
                    : $"{name} must be true or false, not {Shown(value)}";
            case ParameterType.Choice:
                if (text is not null && parameter.Canonical(text) is not null)
                {
                    return null;
                }

                var known = parameter.Values.Concat(parameter.Aliases.Keys).ToList();
                return $"{name} {Shown(value)} is not one of {string.Join(", ", parameter.Values)}" + (text is null ? "" : Suggestions.DidYouMean(text, known));
            case ParameterType.List:
                return value.ValueKind == JsonValueKind.String
                    || (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(item => item.ValueKind is JsonValueKind.String or JsonValueKind.Number))
                    ? null
                    : $"{name} must be a text or a list of texts [\"a\", \"b\"], not {Kind(value)}";
            case ParameterType.Size:
                return IsSize(value) ? null : $"{name} must be WIDTHxHEIGHT such as \"1280x800\", or {{ \"width\": 1280, \"height\": 800 }}";
            case ParameterType.Map:
                return value.ValueKind == JsonValueKind.Object
                    && value.EnumerateObject().All(entry => entry.Name.Length > 0 && entry.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
                    ? null
                    : $"{name} must be an object of names and texts {{ \"NAME\": \"value\" }}, not {Kind(value)}";
            default:
                return null;
        }
    }

    /// <summary>As every duration vibe reads: hh:mm:ss, 500ms, 5s, 2m, 1d, or a bare number of seconds.</summary>
    private static bool TryDuration(string? text, out TimeSpan length)
    {
        length = TimeSpan.Zero;
        if (text is null)
        {
            return false;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            var valid = seconds >= 0 && seconds <= Duration.Longest.TotalSeconds;
            length = valid ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero;
            return valid;
        }

        return Duration.TryParse(text, out length);
    }

    private static bool IsSize(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            return value.TryGetProperty("width", out var w) && w.TryGetInt32(out var width) && width > 0
                && value.TryGetProperty("height", out var h) && h.TryGetInt32(out var height) && height > 0
                && value.EnumerateObject().Count() == 2;
        }

        var parts = value.ValueKind == JsonValueKind.String ? value.GetString()!.Split('x', 'X', '*', ',') : [];
        return parts.Length == 2
            && int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var x) && x > 0
            && int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y > 0;
    }

    private static string Shown(JsonElement value) => value.ValueKind == JsonValueKind.String ? $"'{value.GetString()}'" : value.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False ? value.GetRawText() : Kind(value);

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        JsonValueKind.Null => "null",
        JsonValueKind.String => "text",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        _ => "a number",
    };
}

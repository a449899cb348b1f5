using System.Globalization;
using System.Text.Json;
using Vibe.Domain.Robots;

namespace Vibe.Application.Executors;

/// <summary>
/// Typed access to a step's parameters. Strings are interpolated when read: ${env:NAME} from the
/// environment (the value becomes a secret that logs mask) and ${name} from the run's variables.
/// A missing or mistyped parameter throws <see cref="StepFailedException"/> naming the step and the parameter.
/// </summary>
public sealed class StepParameters
{
    private readonly RobotStep _step;
    private readonly RunVariables _variables;

    public StepParameters(RobotStep step, RunVariables variables)
    {
        _step = step;
        _variables = variables;
    }

    public bool Has(string name) => _step.Parameters.ContainsKey(name);

    public string GetString(string name) =>
        GetOptionalString(name) ?? throw Missing(name);

    public string? GetOptionalString(string name)
    {
        if (!_step.Parameters.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => Interpolate(value.GetString()!),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => throw Wrong(name, "a string"),
        };
    }

    public int GetInt(string name, int fallback) => GetOptionalDouble(name) is { } number ? (int)number : fallback;

    public double? GetOptionalDouble(string name)
    {
        var text = GetOptionalString(name);
        if (text is null)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw Wrong(name, "a number");
    }

    public bool GetBool(string name, bool fallback)
    {
        var text = GetOptionalString(name);
        return text is null ? fallback : bool.TryParse(text, out var flag) ? flag : throw Wrong(name, "true or false");
    }

    public TimeSpan GetDuration(string name, TimeSpan fallback)
    {
        var text = GetOptionalString(name);
        if (text is null)
        {
            return fallback;
        }

        // A bare number means seconds, the unit people reach for first.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds >= 0 && seconds <= Duration.Longest.TotalSeconds
                ? TimeSpan.FromSeconds(seconds)
                : throw Wrong(name, $"a number of seconds from 0 to {Duration.Longest.TotalSeconds:0}");
        }

        return Duration.TryParse(text, out var value) ? value : throw Wrong(name, $"a duration such as 00:00:05 or 5s, at most {Duration.Format(Duration.Longest)}");
    }

    /// <summary>
    /// The value of a choice as its descriptor names it (an alias gives the value it stands for), or the
    /// descriptor's default when left out.
    /// </summary>
    public string? GetChoice(ParameterDescriptor parameter)
    {
        var text = GetOptionalString(parameter.Name);
        if (text is null)
        {
            return parameter.Default;
        }

        return parameter.Canonical(text) ?? throw Wrong(parameter.Name, $"one of {string.Join(", ", parameter.Values)}, not '{text}'");
    }

    /// <summary>A list of strings; a single string is taken as a list of one.</summary>
    public IReadOnlyList<string> GetStringList(string name)
    {
        if (!_step.Parameters.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            return value.EnumerateArray()
                .Select(item => item.ValueKind == JsonValueKind.String ? Interpolate(item.GetString()!) : item.GetRawText())
                .ToList();
        }

        return [GetString(name)];
    }

    /// <summary>A map of names to strings ({"API_TOKEN": "${env:API_TOKEN}"}), values interpolated; empty when absent.</summary>
    public IReadOnlyDictionary<string, string> GetStringMap(string name)
    {
        if (!_step.Parameters.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return new Dictionary<string, string>();
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Wrong(name, "an object of names and strings, such as {\"TOKEN\": \"${env:TOKEN}\"}");
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            if (property.Name.Length == 0 || property.Name.Contains('=', StringComparison.Ordinal))
            {
                throw Wrong(name, $"an object whose names are variable names ('{property.Name}' is not)");
            }

            map[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => Interpolate(property.Value.GetString()!),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                _ => throw Wrong(name, $"an object of strings ('{property.Name}' is not a string)"),
            };
        }

        return map;
    }

    /// <summary>The raw JSON of a parameter, for executors with structured parameters.</summary>
    public JsonElement? GetRaw(string name) => _step.Parameters.TryGetValue(name, out var value) ? value : null;

    /// <summary>Replaces ${env:NAME} and ${name} in <paramref name="text"/>.</summary>
    public string Interpolate(string text) => Interpolation.Apply(text, _variables, name => Missing(name, isVariable: true));

    private StepFailedException Missing(string name) =>
        new($"step {_step.DisplayName}: parameter '{name}' is required");

    private StepFailedException Missing(string name, bool isVariable) =>
        new(isVariable
            ? $"step {_step.DisplayName}: {name} is not set"
            : $"step {_step.DisplayName}: parameter '{name}' is required");

    private StepFailedException Wrong(string name, string expected) =>
        new($"step {_step.DisplayName}: parameter '{name}' must be {expected}");
}

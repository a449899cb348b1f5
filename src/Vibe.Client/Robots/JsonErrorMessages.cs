using System.Text.Json;
using System.Text.RegularExpressions;

namespace Vibe.Infrastructure.Robots;

/// <summary>Turns System.Text.Json's messages into what a person editing robots.json needs to read.</summary>
internal static partial class JsonErrorMessages
{
    /// <summary>A wrong value or an unknown field (as opposed to broken syntax), which is best shown where it is written.</summary>
    public static bool IsAboutAValue(JsonException exception) =>
        UnmappedProperty().IsMatch(exception.Message) || ConversionTarget().IsMatch(exception.Message);

    public static string Explain(JsonException exception)
    {
        var message = exception.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }

        if (UnmappedProperty().Match(message) is { Success: true } unmapped)
        {
            return $"unknown field '{unmapped.Groups[1].Value}'";
        }

        if (ConversionTarget().Match(message) is { Success: true } conversion)
        {
            return "expected " + Describe(conversion.Groups[1].Value);
        }

        return message.TrimEnd('.');
    }

    private static string Describe(string typeName) => typeName switch
    {
        _ when typeName.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        _ when typeName.Contains("Int32", StringComparison.Ordinal) => "a whole number",
        _ when typeName.Contains("Double", StringComparison.Ordinal) => "a number",
        _ when typeName.Contains("List", StringComparison.Ordinal) => "a list [ ... ]",
        _ when typeName.Contains("String", StringComparison.Ordinal) => "a string in quotes",
        _ => "an object { ... }",
    };

    [GeneratedRegex("The JSON property '([^']+)' could not be mapped")]
    private static partial Regex UnmappedProperty();

    [GeneratedRegex("could not be converted to (\\S+)")]
    private static partial Regex ConversionTarget();
}

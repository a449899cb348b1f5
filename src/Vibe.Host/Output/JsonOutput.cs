using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vibe.Host.Output;

/// <summary>--json output for scripts: camelCase names, enum values as their names, ISO-8601 UTC times.</summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static void Write<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Options));
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vibe.Application.Robots.Definitions;

/// <summary>"notify" is either a list of addresses (the common case) or an object with options.</summary>
internal sealed class NotifySpecConverter : JsonConverter<NotifySpec>
{
    public override NotifySpec? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            return new NotifySpec { To = JsonSerializer.Deserialize<List<string>>(ref reader, options) };
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            return new NotifySpec { To = [reader.GetString()!] };
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("notify must be a list of e-mail addresses or an object");
        }

        var spec = new NotifySpec();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "to":
                    spec.To = reader.TokenType == JsonTokenType.String ? [reader.GetString()!] : JsonSerializer.Deserialize<List<string>>(ref reader, options);
                    break;
                case "replaceDefaults":
                    spec.ReplaceDefaults = reader.GetBoolean();
                    break;
                case "onEveryAttempt":
                    spec.OnEveryAttempt = reader.GetBoolean();
                    break;
                case "onRecovery":
                    spec.OnRecovery = reader.GetBoolean();
                    break;
                default:
                    throw new JsonException($"notify has no field '{name}' (use to, replaceDefaults, onEveryAttempt, onRecovery)");
            }
        }

        return spec;
    }

    public override void Write(Utf8JsonWriter writer, NotifySpec value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("to");
        JsonSerializer.Serialize(writer, value.To ?? [], options);
        writer.WriteBoolean("replaceDefaults", value.ReplaceDefaults ?? false);
        writer.WriteBoolean("onEveryAttempt", value.OnEveryAttempt ?? false);
        writer.WriteBoolean("onRecovery", value.OnRecovery ?? false);
        writer.WriteEndObject();
    }
}

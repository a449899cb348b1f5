using System.Text.Json;
using System.Text.Json.Nodes;
using Vibe.Application.Executors;

namespace Vibe.Host.Output;

/// <summary>
/// robots.schema.json, built from what is registered (executors, their actions and required parameters), so the
/// editor's completion matches what `vibe validate` accepts. `vibe schema` prints it; a test keeps the committed
/// file equal to it.
/// </summary>
internal static class RobotsSchema
{
    public static string Build(ExecutorRegistry registry)
    {
        var executors = registry.ExecutorNames.ToList();
        var actions = executors.SelectMany(registry.ActionNames).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        var duration = new JsonObject
        {
            ["type"] = "string",
            ["pattern"] = @"^(\d+(\.\d+)?(ms|s|m|h|d)|(\d+\.)?\d{1,2}:\d{2}:\d{2}(\.\d+)?)$",
            ["description"] = "hh:mm:ss, or a number with ms, s, m, h or d",
        };
        var stepRules = new JsonArray();
        foreach (var action in actions)
        {
            var required = executors.Select(executor => registry.Describe(executor, action)).FirstOrDefault(descriptor => descriptor is not null)?.RequiredParameters ?? [];
            if (required.Count > 0)
            {
                stepRules.Add(new JsonObject
                {
                    ["if"] = new JsonObject { ["properties"] = new JsonObject { ["action"] = new JsonObject { ["const"] = action } }, ["required"] = Array("action") },
                    ["then"] = new JsonObject { ["required"] = Array([.. required]) },
                });
            }
        }

        var robotProperties = new JsonObject
        {
            ["$schema"] = Text("the schema this file follows"),
            ["name"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[a-z0-9][a-z0-9-]{0,99}$", ["description"] = "unique slug" },
            ["description"] = Text("what the robot does"),
            ["enabled"] = new JsonObject { ["type"] = "boolean", ["default"] = true },
            ["executor"] = new JsonObject { ["enum"] = Array([.. executors]) },
            ["schedule"] = new JsonObject
            {
                ["type"] = "object",
                ["required"] = Array("cron"),
                ["additionalProperties"] = false,
                ["properties"] = new JsonObject
                {
                    ["cron"] = Text("Quartz cron, seconds first: \"0 30 7 ? * MON-FRI\""),
                    ["timeZone"] = Text("IANA or Windows time zone id; default UTC"),
                    ["misfire"] = new JsonObject { ["enum"] = Array("runOnce", "skip", "runAll") },
                    ["overlap"] = new JsonObject { ["enum"] = Array("skip", "queue") },
                    ["maxCatchUpRuns"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 1000 },
                },
            },
            ["retry"] = new JsonObject { ["$ref"] = "#/definitions/retry" },
            ["timeout"] = new JsonObject { ["$ref"] = "#/definitions/duration" },
            ["onInterrupt"] = new JsonObject { ["enum"] = Array("requeue", "drop"), ["description"] = "a run the service's stop interrupts: queued again (default) or dropped" },
            ["notify"] = new JsonObject { ["$ref"] = "#/definitions/notify" },
            ["hosts"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
            ["steps"] = new JsonObject { ["type"] = "array", ["minItems"] = 1, ["items"] = new JsonObject { ["$ref"] = "#/definitions/step" } },
        };
        foreach (var executor in executors)
        {
            robotProperties[executor] = new JsonObject { ["type"] = "object", ["description"] = $"options of the {executor} executor" };
        }

        var schema = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["title"] = "vibe robots (robots.json; a robots.d/ file holds one #/definitions/robot)",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject
            {
                ["$schema"] = Text("the schema this file follows"),
                ["defaults"] = new JsonObject
                {
                    ["type"] = "object",
                    ["additionalProperties"] = false,
                    ["properties"] = new JsonObject
                    {
                        ["executor"] = new JsonObject { ["enum"] = Array([.. executors]) },
                        ["enabled"] = new JsonObject { ["type"] = "boolean" },
                        ["timeout"] = new JsonObject { ["$ref"] = "#/definitions/duration" },
                        ["timeZone"] = Text("default time zone of schedules"),
                        ["misfire"] = new JsonObject { ["enum"] = Array("runOnce", "skip", "runAll") },
                        ["overlap"] = new JsonObject { ["enum"] = Array("skip", "queue") },
                        ["retry"] = new JsonObject { ["$ref"] = "#/definitions/retry" },
                        ["notify"] = new JsonObject { ["$ref"] = "#/definitions/notify" },
                        ["hosts"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
                    },
                },
                ["robots"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = "#/definitions/robot" } },
            },
            ["definitions"] = new JsonObject
            {
                ["duration"] = duration,
                ["robot"] = new JsonObject
                {
                    ["type"] = "object",
                    ["required"] = Array("name", "steps"),
                    ["additionalProperties"] = false,
                    ["properties"] = robotProperties,
                },
                ["retry"] = new JsonObject
                {
                    ["type"] = "object",
                    ["additionalProperties"] = false,
                    ["properties"] = new JsonObject
                    {
                        ["maxAttempts"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 100 },
                        ["delay"] = new JsonObject { ["$ref"] = "#/definitions/duration" },
                        ["backoffFactor"] = new JsonObject { ["type"] = "number", ["minimum"] = 1 },
                        ["maxDelay"] = new JsonObject { ["$ref"] = "#/definitions/duration" },
                        ["jitter"] = new JsonObject { ["type"] = "boolean", ["default"] = true },
                        ["retryOn"] = new JsonObject { ["enum"] = Array("any", "timeout", "errorPattern") },
                        ["errorPattern"] = Text("regular expression matched against the error"),
                    },
                },
                ["notify"] = new JsonObject
                {
                    ["oneOf"] = new JsonArray
                    {
                        new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string", ["format"] = "email" } },
                        new JsonObject
                        {
                            ["type"] = "object",
                            ["additionalProperties"] = false,
                            ["properties"] = new JsonObject
                            {
                                ["to"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string", ["format"] = "email" } },
                                ["replaceDefaults"] = new JsonObject { ["type"] = "boolean" },
                                ["onEveryAttempt"] = new JsonObject { ["type"] = "boolean" },
                                ["onRecovery"] = new JsonObject { ["type"] = "boolean" },
                            },
                        },
                    },
                },
                ["step"] = new JsonObject
                {
                    ["type"] = "object",
                    ["required"] = Array("action"),
                    ["properties"] = new JsonObject
                    {
                        ["action"] = new JsonObject { ["enum"] = Array([.. actions]) },
                        ["name"] = Text("a label for logs"),
                        ["retry"] = new JsonObject
                        {
                            ["type"] = "object",
                            ["additionalProperties"] = false,
                            ["properties"] = new JsonObject
                            {
                                ["attempts"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 20 },
                                ["delay"] = new JsonObject { ["$ref"] = "#/definitions/duration" },
                            },
                        },
                    },
                    ["allOf"] = stepRules,
                },
            },
        };
        return schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static JsonObject Text(string description) => new() { ["type"] = "string", ["description"] = description };

    private static JsonArray Array(params string[] values) => new([.. values.Select(value => (JsonNode)value)]);
}

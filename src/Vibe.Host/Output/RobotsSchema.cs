using System.Text.Json;
using System.Text.Json.Nodes;
using Vibe.Application.Executors;

namespace Vibe.Host.Output;

/// <summary>
/// robots.schema.json, built from what is registered (executors, their actions with their typed parameters, their
/// option blocks), so the
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
        var definitions = new JsonObject();
        var executorRules = new JsonArray();
        foreach (var executor in executors)
        {
            var found = registry.FindExecutor(executor)!;
            robotProperties[executor] = found.Options.Count > 0
                ? Block(found.Options, $"options of the {executor} executor")
                : new JsonObject { ["type"] = "object", ["description"] = $"options of the {executor} executor" };
            definitions[$"{executor}Step"] = Step(registry, executor);
            executorRules.Add(new JsonObject
            {
                ["if"] = new JsonObject { ["properties"] = new JsonObject { ["executor"] = new JsonObject { ["const"] = executor } }, ["required"] = Array("executor") },
                ["then"] = new JsonObject
                {
                    ["properties"] = new JsonObject { ["steps"] = new JsonObject { ["items"] = new JsonObject { ["$ref"] = $"#/definitions/{executor}Step" } } },
                },
            });
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
                    ["allOf"] = executorRules,
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
                        ["retry"] = new JsonObject { ["$ref"] = "#/definitions/stepRetry" },
                    },
                },
                ["stepRetry"] = new JsonObject
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
        };
        foreach (var (name, definition) in definitions.ToList())
        {
            definitions.Remove(name);
            ((JsonObject)schema["definitions"]!)[name] = definition;
        }

        return schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>A step of one executor: its actions, and for each the parameters it takes and needs.</summary>
    private static JsonObject Step(ExecutorRegistry registry, string executor)
    {
        var names = registry.ActionNames(executor).Order(StringComparer.Ordinal).ToList();
        var rules = new JsonArray();
        var common = registry.FindExecutor(executor)!.StepParameters;
        foreach (var name in names)
        {
            var action = registry.Describe(executor, name)!;
            var then = new JsonObject();
            if (action.Parameters is { } parameters)
            {
                var typed = registry.FindSharedAction(name) is null ? [.. parameters, .. common] : parameters;
                var properties = new JsonObject
                {
                    ["action"] = new JsonObject { ["const"] = name },
                    ["name"] = new JsonObject(),
                    ["retry"] = new JsonObject(),
                };
                foreach (var parameter in typed)
                {
                    properties[parameter.Name] = Parameter(parameter);
                }

                then["properties"] = properties;
                then["additionalProperties"] = false;
            }

            if (action.RequiredParameters.Count > 0)
            {
                then["required"] = Array([.. action.RequiredParameters]);
            }

            rules.Add(new JsonObject
            {
                ["if"] = new JsonObject { ["properties"] = new JsonObject { ["action"] = new JsonObject { ["const"] = name } }, ["required"] = Array("action") },
                ["then"] = then,
            });
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["required"] = Array("action"),
            ["properties"] = new JsonObject
            {
                ["action"] = new JsonObject { ["enum"] = Array([.. names]) },
                ["name"] = Text("a label for logs"),
                ["retry"] = new JsonObject { ["$ref"] = "#/definitions/stepRetry" },
            },
            ["allOf"] = rules,
        };
    }

    private static JsonObject Block(IReadOnlyList<ParameterDescriptor> settings, string description)
    {
        var properties = new JsonObject();
        foreach (var setting in settings)
        {
            properties[setting.Name] = Parameter(setting);
        }

        return new JsonObject { ["type"] = "object", ["description"] = description, ["additionalProperties"] = false, ["properties"] = properties };
    }

    /// <summary>One parameter as JSON Schema; anything but text may also be written as ${...}, known at run time.</summary>
    private static JsonObject Parameter(ParameterDescriptor parameter)
    {
        JsonObject typed = parameter.Type switch
        {
            ParameterType.Text => new JsonObject { ["type"] = Array("string", "number", "boolean") },
            ParameterType.Selector or ParameterType.Variable => new JsonObject { ["type"] = "string" },
            ParameterType.Duration => new JsonObject { ["anyOf"] = new JsonArray { new JsonObject { ["$ref"] = "#/definitions/duration" }, new JsonObject { ["type"] = "number", ["minimum"] = 0 } } },
            ParameterType.Integer => Bounded("integer", parameter),
            ParameterType.Number => Bounded("number", parameter),
            ParameterType.Boolean => new JsonObject { ["type"] = "boolean" },
            ParameterType.Choice => new JsonObject { ["enum"] = Array([.. parameter.Values, .. parameter.Aliases.Keys]) },
            ParameterType.List => new JsonObject { ["type"] = Array("string", "array"), ["items"] = new JsonObject { ["type"] = "string" } },
            ParameterType.Map => new JsonObject { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["type"] = Array("string", "number", "boolean") } },
            ParameterType.Size => new JsonObject
            {
                ["anyOf"] = new JsonArray
                {
                    new JsonObject { ["type"] = "string", ["pattern"] = @"^\d+\s*[xX*,]\s*\d+$" },
                    new JsonObject
                    {
                        ["type"] = "object",
                        ["required"] = Array("width", "height"),
                        ["additionalProperties"] = false,
                        ["properties"] = new JsonObject { ["width"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1 }, ["height"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1 } },
                    },
                },
            },
            _ => new JsonObject(),
        };
        var description = parameter.Default is { } fallback ? $"{parameter.Summary} (default: {fallback})" : parameter.Summary;
        if (parameter.Type is ParameterType.Text or ParameterType.Selector or ParameterType.Variable or ParameterType.List)
        {
            typed["description"] = description;
            return typed;
        }

        return new JsonObject
        {
            ["description"] = description,
            ["anyOf"] = new JsonArray { typed, new JsonObject { ["type"] = "string", ["pattern"] = @"\$\{" } },
        };
    }

    private static JsonObject Bounded(string type, ParameterDescriptor parameter)
    {
        var schema = new JsonObject { ["type"] = type };
        if (parameter.Minimum is { } minimum)
        {
            schema["minimum"] = minimum;
        }

        if (parameter.Maximum is { } maximum)
        {
            schema["maximum"] = maximum;
        }

        return schema;
    }

    private static JsonObject Text(string description) => new() { ["type"] = "string", ["description"] = description };

    private static JsonArray Array(params string[] values) => new([.. values.Select(value => (JsonNode)value)]);
}

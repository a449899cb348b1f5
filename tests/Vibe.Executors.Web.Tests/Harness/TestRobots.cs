using System.Text.Json;
using Vibe.Domain.Robots;

namespace Vibe.Executors.Web.Tests.Harness;

/// <summary>Reads a robot written as robots.json does ({"web": {...}, "steps": [...]}) into a definition.</summary>
public static class TestRobots
{
    private static readonly string[] StepKeys = ["action", "name", "retry"];

    public static RobotDefinition Parse(string json, string sourceFile)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var root = document.RootElement.Clone();
        var steps = root.GetProperty("steps").EnumerateArray().Select((step, index) => new RobotStep
        {
            Index = index,
            Action = step.GetProperty("action").GetString()!,
            Name = step.TryGetProperty("name", out var name) ? name.GetString() : null,
            Parameters = step.EnumerateObject()
                .Where(property => !StepKeys.Contains(property.Name))
                .ToDictionary(property => property.Name, property => property.Value.Clone()),
        }).ToList();
        return new RobotDefinition
        {
            Name = root.TryGetProperty("name", out var robotName) ? robotName.GetString()! : "web-test",
            Executor = root.TryGetProperty("executor", out var executor) ? executor.GetString()! : "web",
            Timeout = root.TryGetProperty("timeout", out var timeout) ? Duration.Parse(timeout.GetString()!) : TimeSpan.FromMinutes(2),
            ExecutorOptions = root.TryGetProperty("web", out var web) ? web : null,
            Steps = steps,
            SourceFile = sourceFile,
            DefinitionHash = "test",
        };
    }
}

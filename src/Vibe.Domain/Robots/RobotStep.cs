using System.Text.Json;

namespace Vibe.Domain.Robots;

/// <summary>One action of a robot: its name and its parameters, as written in the JSON.</summary>
public sealed record RobotStep
{
    /// <summary>Zero-based position in the robot's steps.</summary>
    public required int Index { get; init; }

    public required string Action { get; init; }

    /// <summary>Optional label an operator gave the step.</summary>
    public string? Name { get; init; }

    public required IReadOnlyDictionary<string, JsonElement> Parameters { get; init; }

    /// <summary>A small in-step retry for flaky waits; null for none.</summary>
    public StepRetry? Retry { get; init; }

    /// <summary>How the step reads in logs: "#2 click" or "#2 click (Open the invoice)".</summary>
    public string DisplayName => Name is null ? $"#{Index + 1} {Action}" : $"#{Index + 1} {Action} ({Name})";
}

public sealed record StepRetry(int Attempts, TimeSpan Delay);

using Vibe.Domain.Robots;

namespace Vibe.Application.Common.Interfaces;

/// <summary>The robots currently declared (robots.json + robots.d/), and what is wrong with the files.</summary>
public interface IRobotCatalog
{
    /// <summary>Reads the configuration (or returns the last read, where the implementation caches).</summary>
    ValueTask<RobotCatalogSnapshot> GetAsync(CancellationToken cancellationToken);
}

/// <summary>The outcome of reading the robot files: the valid robots and every error found.</summary>
public sealed record RobotCatalogSnapshot(IReadOnlyList<RobotDefinition> Robots, IReadOnlyList<ConfigError> Errors, IReadOnlyList<string> Files)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>What is allowed but probably not meant (a cron that never fires); never stops a run.</summary>
    public IReadOnlyList<ConfigError> Warnings { get; init; } = [];

    public RobotDefinition? Find(string name) =>
        Robots.FirstOrDefault(robot => string.Equals(robot.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One thing wrong with the configuration, located as precisely as it can be.</summary>
public sealed record ConfigError(string File, string Message)
{
    public string? Robot { get; init; }

    /// <summary>JSON path, for example $.robots[2].schedule.cron.</summary>
    public string? Path { get; init; }

    public long? Line { get; init; }

    public long? Column { get; init; }

    /// <summary>One line: file:line:column: robot 'x' at $.path: message.</summary>
    public override string ToString()
    {
        var location = File;
        if (Line is { } line)
        {
            location += Column is { } column ? $":{line}:{column}" : $":{line}";
        }

        var subject = (Robot, Path) switch
        {
            (not null, not null) => $" robot '{Robot}' at {Path}:",
            (not null, null) => $" robot '{Robot}':",
            (null, not null) => $" at {Path}:",
            _ => "",
        };
        return $"{location}:{subject} {Message}";
    }
}

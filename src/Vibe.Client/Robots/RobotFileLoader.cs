using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Robots.Definitions;
using Vibe.Domain.Robots;
using Vibe.Infrastructure.Configuration;

namespace Vibe.Infrastructure.Robots;

/// <summary>
/// Reads robots.json and robots.d/*.json into one catalog: parses, applies defaults, validates every robot
/// and reports every problem with its file, robot, JSON path, line and column. Never throws for bad content.
/// </summary>
internal sealed class RobotFileLoader
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = false,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        TypeInfoResolver = RobotSpecJsonContext.Default,
    };

    private readonly VibeLocations _locations;
    private readonly IValidator<RobotSpec> _validator;
    private readonly IScheduleCalendar _calendar;
    private readonly TimeProvider _time;

    public RobotFileLoader(VibeLocations locations, IValidator<RobotSpec> validator, IScheduleCalendar calendar, TimeProvider time)
    {
        _locations = locations;
        _validator = validator;
        _calendar = calendar;
        _time = time;
    }

    public RobotCatalogSnapshot Load()
    {
        var errors = new List<ConfigError>();
        var warnings = new List<ConfigError>();
        var robots = new List<RobotDefinition>();
        var files = new List<string>();
        var declared = new Dictionary<string, (string File, string Path)>(StringComparer.OrdinalIgnoreCase);

        RobotDefaultsSpec? defaults = null;
        var main = _locations.RobotsFile;
        var extraFiles = Directory.Exists(_locations.RobotsDirectory)
            ? Directory.GetFiles(_locations.RobotsDirectory, "*.json").Order(StringComparer.Ordinal).ToList()
            : [];

        if (File.Exists(main))
        {
            files.Add(main);
            if (Parse<RobotFileSpec>(main, errors) is { Document: { } document, Locations: var locations })
            {
                defaults = document.Defaults;
                if (document.Robots is null)
                {
                    var at = locations.Find("$.robots");
                    errors.Add(new ConfigError(Relative(main), "\"robots\" must be a list of robots (it may be empty: \"robots\": [])")
                    {
                        Path = "$.robots",
                        Line = at?.Line,
                        Column = at?.Column,
                    });
                }

                for (var i = 0; i < (document.Robots?.Count ?? 0); i++)
                {
                    Add(document.Robots![i], defaults, main, $"$.robots[{i}]", locations, robots, errors, warnings, declared);
                }
            }
        }
        else if (extraFiles.Count == 0)
        {
            errors.Add(new ConfigError(main, $"no robot files: neither {Path.GetFileName(main)} nor {Path.GetFileName(_locations.RobotsDirectory)}/*.json exists in {_locations.ConfigDirectory} (use --config-dir or VIBE_CONFIG_DIR to point elsewhere)"));
        }

        foreach (var file in extraFiles)
        {
            files.Add(file);
            if (Parse<RobotSpec>(file, errors) is { Document: { } robot, Locations: var locations })
            {
                Add(robot, defaults, file, "$", locations, robots, errors, warnings, declared);
            }
        }

        return new RobotCatalogSnapshot(robots, errors, files) { Warnings = warnings };
    }

    private void Add(
        RobotSpec written,
        RobotDefaultsSpec? defaults,
        string file,
        string path,
        JsonLocations locations,
        List<RobotDefinition> robots,
        List<ConfigError> errors,
        List<ConfigError> warnings,
        Dictionary<string, (string File, string Path)> declared)
    {
        var robot = RobotSpecMapper.ApplyDefaults(written, defaults);
        var result = _validator.Validate(robot);
        foreach (var failure in result.Errors)
        {
            var jsonPath = path + "." + ToJsonPath(failure.PropertyName);
            var location = locations.Find(jsonPath);
            errors.Add(new ConfigError(Relative(file), failure.ErrorMessage)
            {
                Robot = robot.Name,
                Path = jsonPath,
                Line = location?.Line,
                Column = location?.Column,
            });
        }

        if (!result.IsValid)
        {
            return;
        }

        if (declared.TryGetValue(robot.Name!, out var first))
        {
            var location = locations.Find(path + ".name");
            errors.Add(new ConfigError(Relative(file), $"robot '{robot.Name}' is declared twice: in {Relative(first.File)} at {first.Path} and in {Relative(file)} at {path}")
            {
                Robot = robot.Name,
                Path = path + ".name",
                Line = location?.Line,
                Column = location?.Column,
            });
            return;
        }

        declared[robot.Name!] = (file, path);
        var definition = RobotSpecMapper.ToDefinition(robot, Relative(file), Path.GetDirectoryName(Path.GetFullPath(file))!);
        robots.Add(definition);
        if (definition.Schedule is { } schedule && _calendar.NextFireTime(schedule, _time.GetUtcNow()) is null)
        {
            var location = locations.Find(path + ".schedule.cron");
            warnings.Add(new ConfigError(Relative(file), $"cron '{schedule.Cron}' never fires (no such date, or only in the past): the schedule will never run this robot")
            {
                Robot = robot.Name,
                Path = path + ".schedule.cron",
                Line = location?.Line,
                Column = location?.Column,
            });
        }
    }

    private (T? Document, JsonLocations Locations) Parse<T>(string file, List<ConfigError> errors)
        where T : class
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add(new ConfigError(Relative(file), $"cannot read the file: {ex.Message}"));
            return (null, JsonLocations.Index([]));
        }

        (bytes, var notUtf8, var at) = TextEncodingCheck.AsUtf8(bytes);
        if (notUtf8 is not null)
        {
            errors.Add(new ConfigError(Relative(file), notUtf8) { Line = at?.Line, Column = at?.Column });
            return (null, JsonLocations.Index([]));
        }

        var locations = JsonLocations.Index(bytes);
        foreach (var duplicate in locations.Duplicates)
        {
            errors.Add(new ConfigError(Relative(file), $"\"{duplicate.Key}\" is written twice in one object, on lines {duplicate.FirstLine} and {duplicate.Line}: remove one (only the last would count)")
            {
                Path = duplicate.Path,
                Line = duplicate.Line,
                Column = duplicate.Column,
            });
        }

        try
        {
            var document = JsonSerializer.Deserialize<T>(bytes, JsonOptions);
            if (document is null)
            {
                errors.Add(new ConfigError(Relative(file), "the file holds null instead of an object"));
            }

            return (document, locations);
        }
        catch (JsonException ex)
        {
            // A wrong value or an unknown field is pointed at where it is written; a syntax error where the parser stopped.
            var written = JsonErrorMessages.IsAboutAValue(ex) && ex.Path is not null ? locations.Find(ex.Path) : null;
            errors.Add(new ConfigError(Relative(file), JsonErrorMessages.Explain(ex))
            {
                Path = ex.Path,
                Line = written?.Line ?? ex.LineNumber + 1,
                Column = written?.Column ?? ex.BytePositionInLine + 1,
            });
            return (null, locations);
        }
    }

    private string Relative(string file) => Path.GetRelativePath(_locations.ConfigDirectory, file);

    /// <summary>"Steps[2].Action" → "steps[2].action": FluentValidation's names in the JSON's spelling.</summary>
    private static string ToJsonPath(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(segment => segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]));
}

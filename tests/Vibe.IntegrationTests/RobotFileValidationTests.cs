using Microsoft.Extensions.DependencyInjection;
using Vibe.Application.Common.Interfaces;
using Vibe.TestSupport;

namespace Vibe.IntegrationTests;

/// <summary>Bad robot files give errors that say what and where: file, robot, JSON path, line and column.</summary>
public class RobotFileValidationTests
{
    private static async Task<IReadOnlyList<string>> ErrorsFor(TempWorkspace workspace)
    {
        await using var vibe = await InProcessVibe.StartAsync(workspace);
        var catalog = await vibe.Services.GetRequiredService<IRobotCatalog>().GetAsync(CancellationToken.None);
        return catalog.Errors.Select(error => error.ToString()).ToList();
    }

    [Fact]
    public async Task Malformed_json_names_the_file_line_and_column()
    {
        using var workspace = new TempWorkspace().WriteRobots("{\n  \"robots\": [\n    { \"name\": \"a\" \"executor\": \"shell\" }\n  ]\n}\n");

        var error = Assert.Single(await ErrorsFor(workspace));

        Assert.StartsWith("robots.json:3:19:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_action_is_reported_with_its_path_line_and_a_suggestion()
    {
        using var workspace = new TempWorkspace().WriteRobots("""
            { "robots": [
              { "name": "typo", "executor": "shell",
                "steps": [
                  { "action": "log", "message": "ok" },
                  { "action": "wiat", "duration": "1s" }
                ] }
            ] }
            """);

        var error = Assert.Single(await ErrorsFor(workspace));

        Assert.Equal("robots.json:5:9: robot 'typo' at $.robots[0].steps[1].action: unknown action 'wiat' for executor 'shell' (did you mean 'wait'?)", error);
    }

    [Fact]
    public async Task Missing_name_is_reported()
    {
        using var workspace = new TempWorkspace().WriteRobots("""{ "robots": [ { "executor": "shell", "steps": [ { "action": "log", "message": "x" } ] } ] }""");

        var error = Assert.Single(await ErrorsFor(workspace));

        Assert.Contains("$.robots[0].name: a robot needs a name", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicate_names_across_robots_json_and_robots_d_name_both_files()
    {
        using var workspace = new TempWorkspace()
            .WriteRobots("""{ "robots": [ { "name": "twin", "executor": "shell", "steps": [ { "action": "log", "message": "x" } ] } ] }""")
            .WriteFile("robots.d/twin.json", """{ "name": "twin", "executor": "shell", "steps": [ { "action": "log", "message": "y" } ] }""");

        var error = Assert.Single(await ErrorsFor(workspace));

        Assert.Contains("robot 'twin' is declared twice: in robots.json at $.robots[0] and in robots.d/twin.json at $", error, StringComparison.Ordinal);
        Assert.StartsWith("robots.d/twin.json:1:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_cron_is_reported_with_quartz_reason()
    {
        using var workspace = new TempWorkspace().WriteRobots("""
            { "robots": [ { "name": "cron", "executor": "shell", "schedule": { "cron": "0 61 * * * ?" },
                            "steps": [ { "action": "log", "message": "x" } ] } ] }
            """);

        var error = Assert.Single(await ErrorsFor(workspace));

        Assert.Contains("robot 'cron' at $.robots[0].schedule.cron: cron '0 61 * * * ?' is not valid", error, StringComparison.Ordinal);
        Assert.StartsWith("robots.json:1:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_executor_lists_the_known_ones()
    {
        using var workspace = new TempWorkspace().WriteRobots("""{ "robots": [ { "name": "x", "executor": "sap", "steps": [ { "action": "log", "message": "x" } ] } ] }""");

        var error = Assert.Single(await ErrorsFor(workspace));

        Assert.Contains("$.robots[0].executor: executor 'sap' is not registered (known: ", error, StringComparison.Ordinal);
        Assert.Contains("shell", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_error_is_reported_at_once_not_only_the_first()
    {
        using var workspace = new TempWorkspace().WriteRobots("""
            { "robots": [
              { "name": "Bad Name", "executor": "shell", "timeout": "soon", "steps": [] },
              { "name": "ok", "executor": "shell", "schedule": { "cron": "* * *", "timeZone": "Mars/Olympus" },
                "retry": { "maxAttempts": 0 }, "notify": ["not-an-address"], "colour": "red",
                "steps": [ { "action": "run" }, { "action": "log", "message": "${env:VIBE_TEST_SURELY_MISSING}" } ] }
            ] }
            """);

        var errors = await ErrorsFor(workspace);

        Assert.Contains(errors, e => e.Contains("$.robots[0].name: name 'Bad Name' must be a slug", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("$.robots[0].timeout: timeout 'soon' is not a duration", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("$.robots[0].steps: a robot needs at least one step", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("$.robots[1].schedule.cron:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("$.robots[1].schedule.timeZone: time zone 'Mars/Olympus' is not known", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("$.robots[1].retry.maxAttempts:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'not-an-address' is not an e-mail address", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("$.robots[1].colour: unknown field 'colour'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("$.robots[1].steps[0].program: action 'run' needs \"program\"", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("environment variable VIBE_TEST_SURELY_MISSING is not set", StringComparison.Ordinal));
        Assert.Equal(10, errors.Count);
    }

    [Fact]
    public async Task Wrong_value_type_says_what_was_expected()
    {
        using var workspace = new TempWorkspace().WriteRobots("{ \"robots\": [\n { \"name\": \"x\", \"enabled\": \"yes\", \"executor\": \"shell\", \"steps\": [] } ] }");

        var error = Assert.Single(await ErrorsFor(workspace));

        Assert.Equal("robots.json:2:17: at $.robots[0].enabled: expected true or false", error);
    }

    [Fact]
    public async Task Defaults_fill_in_what_a_robot_leaves_out()
    {
        using var workspace = new TempWorkspace()
            .WriteRobots("""{ "defaults": { "executor": "shell", "timeout": "2m", "retry": { "maxAttempts": 4 } }, "robots": [] }""")
            .WriteFile("robots.d/from-dir.json", """{ "name": "from-dir", "steps": [ { "action": "log", "message": "x" } ] }""");
        await using var vibe = await InProcessVibe.StartAsync(workspace);

        var catalog = await vibe.Services.GetRequiredService<IRobotCatalog>().GetAsync(CancellationToken.None);

        Assert.Empty(catalog.Errors);
        var robot = Assert.Single(catalog.Robots);
        Assert.Equal("shell", robot.Executor);
        Assert.Equal(TimeSpan.FromMinutes(2), robot.Timeout);
        Assert.Equal(4, robot.Retry.MaxAttempts);
        Assert.Equal("robots.d/from-dir.json", robot.SourceFile);
    }
}

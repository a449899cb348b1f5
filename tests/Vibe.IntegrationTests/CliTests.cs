using System.Text.Json;
using Vibe.TestSupport;

namespace Vibe.IntegrationTests;

/// <summary>The real `vibe` process on the embedded SQLite default, as a new user runs it.</summary>
public class CliTests
{
    private const string Robots = """
        { "robots": [
          { "name": "greeter", "executor": "shell", "steps": [
              { "action": "log", "message": "hello from the robot" },
              { "action": "run", "program": "sh", "args": ["-c", "echo from-the-program"] } ] },
          { "name": "failing", "executor": "shell", "steps": [
              { "action": "run", "program": "sh", "args": ["-c", "exit 3"], "name": "Doomed" } ] },
          { "name": "nightly", "executor": "shell", "schedule": { "cron": "0 0 2 * * ?", "timeZone": "Europe/Paris" },
            "steps": [ { "action": "log", "message": "x" } ] }
        ] }
        """;

    [Fact]
    public async Task RunNow_prints_each_step_and_status_then_shows_the_run_and_its_log()
    {
        using var workspace = new TempWorkspace().WriteRobots(Robots);

        var run = await VibeProcess.RunAsync(workspace.Directory, "run-now", "greeter");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("hello from the robot", run.Output, StringComparison.Ordinal);
        Assert.Contains("from-the-program", run.Output, StringComparison.Ordinal);
        Assert.Contains("run 1 succeeded", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(workspace.DataDirectory, "vibe.db")), "the SQLite store is created on first use");

        var status = await VibeProcess.RunAsync(workspace.Directory, "status");
        Assert.Equal(0, status.ExitCode);
        Assert.Matches(@"1\s+greeter\s+Succeeded\s+manual\s+1/1", status.Output);

        var details = await VibeProcess.RunAsync(workspace.Directory, "status", "1");
        Assert.Equal(0, details.ExitCode);
        Assert.Contains("status     Succeeded", details.Output, StringComparison.Ordinal);
        Assert.Contains("hello from the robot", details.Output, StringComparison.Ordinal);
        Assert.Contains("from-the-program", details.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_robot_exits_1_and_records_the_failing_step()
    {
        using var workspace = new TempWorkspace().WriteRobots(Robots);

        var run = await VibeProcess.RunAsync(workspace.Directory, "run-now", "failing");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("exited with code 3", run.Output, StringComparison.Ordinal);
        var json = await VibeProcess.RunAsync(workspace.Directory, "status", "--json");
        var only = Assert.Single(JsonDocument.Parse(json.Output).RootElement.EnumerateArray());
        Assert.Equal("Failed", only.GetProperty("status").GetString());
        Assert.Equal(1, only.GetProperty("failedStep").GetInt32());
        Assert.Equal("run", only.GetProperty("failedAction").GetString());
    }

    [Fact]
    public async Task Rerun_creates_a_linked_run_and_status_json_has_the_documented_fields()
    {
        using var workspace = new TempWorkspace().WriteRobots(Robots);
        await VibeProcess.RunAsync(workspace.Directory, "run-now", "greeter");

        var rerun = await VibeProcess.RunAsync(workspace.Directory, "rerun", "1");

        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Contains("run 2 reruns run 1", rerun.Output, StringComparison.Ordinal);
        var json = await VibeProcess.RunAsync(workspace.Directory, "status", "--json", "--limit", "1");
        var latest = Assert.Single(JsonDocument.Parse(json.Output).RootElement.EnumerateArray());
        foreach (var field in new[] { "id", "robot", "status", "trigger", "attempt", "queuedAt", "startedAt", "finishedAt", "error" })
        {
            Assert.True(latest.TryGetProperty(field, out _), $"--json lacks {field}");
        }

        Assert.Equal(2, latest.GetProperty("id").GetInt64());
        Assert.Equal("Rerun", latest.GetProperty("trigger").GetString());
        Assert.Equal(1, latest.GetProperty("rerunOf").GetInt64());
    }

    [Fact]
    public async Task Unknown_robot_or_run_id_is_one_line_and_exit_code_2()
    {
        using var workspace = new TempWorkspace().WriteRobots(Robots);

        var robot = await VibeProcess.RunAsync(workspace.Directory, "run-now", "nobody");
        var run = await VibeProcess.RunAsync(workspace.Directory, "status", "77");
        var rerun = await VibeProcess.RunAsync(workspace.Directory, "rerun", "77");

        Assert.Equal(2, robot.ExitCode);
        Assert.Equal("vibe: no robot named 'nobody' (see vibe list-robots)", robot.Error.Trim());
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("vibe: no run with id 77", run.Error.Trim());
        Assert.Equal(2, rerun.ExitCode);
    }

    [Fact]
    public async Task Validate_prints_every_error_without_a_stack_trace_and_exits_non_zero()
    {
        using var workspace = new TempWorkspace().WriteRobots("""
            { "robots": [
              { "name": "a", "executor": "nope", "steps": [ { "action": "log", "message": "x" } ] },
              { "name": "b", "executor": "shell", "schedule": { "cron": "bad" }, "steps": [ { "action": "log", "message": "x" } ] }
            ] }
            """);

        var result = await VibeProcess.RunAsync(workspace.Directory, "validate");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("robots.json:2:", result.Error, StringComparison.Ordinal);
        Assert.Contains("executor 'nope' is not registered", result.Error, StringComparison.Ordinal);
        Assert.Contains("cron 'bad' is not valid", result.Error, StringComparison.Ordinal);
        Assert.Contains("2 error(s)", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error + result.Output, StringComparison.Ordinal);

        var runNow = await VibeProcess.RunAsync(workspace.Directory, "run-now", "a");
        Assert.Equal(3, runNow.ExitCode);
        Assert.Contains("nothing was run", runNow.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_is_one_clear_error_with_line_and_column()
    {
        using var workspace = new TempWorkspace().WriteRobots("{ \"robots\": [\n  { \"name\": \"a\",, } ] }");

        var result = await VibeProcess.RunAsync(workspace.Directory, "validate");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("robots.json:2:", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListRobots_json_shows_schedule_and_next_fire_time_in_the_robots_time_zone()
    {
        using var workspace = new TempWorkspace().WriteRobots(Robots);

        var result = await VibeProcess.RunAsync(workspace.Directory, "list-robots", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var robots = JsonDocument.Parse(result.Output).RootElement.EnumerateArray().ToList();
        Assert.Equal(["greeter", "failing", "nightly"], robots.Select(robot => robot.GetProperty("name").GetString()));
        var nightly = robots[2];
        Assert.Equal("shell", nightly.GetProperty("executor").GetString());
        Assert.True(nightly.GetProperty("enabled").GetBoolean());
        Assert.Equal("0 0 2 * * ?", nightly.GetProperty("schedule").GetString());
        var next = nightly.GetProperty("nextFireTime").GetDateTimeOffset();
        Assert.Equal(2, next.Hour);
        Assert.Equal(TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris").GetUtcOffset(next), next.Offset);
        Assert.Equal(JsonValueKind.Null, robots[0].GetProperty("nextFireTime").ValueKind);
    }

    [Fact]
    public async Task Help_lists_the_commands_and_exits_0()
    {
        using var workspace = new TempWorkspace().WriteRobots(Robots);

        var help = await VibeProcess.RunAsync(workspace.Directory, "--help");
        var commandHelp = await VibeProcess.RunAsync(workspace.Directory, "status", "--help");

        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains("run-now", help.Output, StringComparison.Ordinal);
        Assert.Contains("list-robots", help.Output, StringComparison.Ordinal);
        Assert.True(commandHelp.ExitCode == 0, commandHelp.ToString());
        Assert.Contains("--limit", commandHelp.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_and_list_robots_read_only_the_robot_files_and_create_no_database()
    {
        // A pipeline that checks a configuration folder before deploying it must not leave a store behind in it.
        using var workspace = new TempWorkspace().WriteRobots(Robots);

        var validate = await VibeProcess.RunAsync(workspace.Directory, "validate");
        var list = await VibeProcess.RunAsync(workspace.Directory, "list-robots");

        Assert.True(validate.ExitCode == 0, validate.ToString());
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains("nightly", list.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(workspace.DataDirectory, "vibe.db")), "no SQLite store was created");
    }

    [Fact]
    public async Task A_config_dir_option_points_vibe_at_another_folder()
    {
        using var workspace = new TempWorkspace().WriteRobots(Robots);
        using var elsewhere = new TempWorkspace();

        var result = await VibeProcess.RunAsync(elsewhere.Directory, "--config-dir", workspace.Directory, "run-now", "greeter");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(Path.Combine(workspace.DataDirectory, "vibe.db")));
        Assert.False(Directory.Exists(elsewhere.DataDirectory));
    }

    [Fact]
    public async Task A_bad_database_setting_is_one_line_naming_the_key()
    {
        using var workspace = new TempWorkspace().WriteRobots(Robots).WriteEnv("VIBE_DB_PROVIDER=oracle");

        var result = await VibeProcess.RunAsync(workspace.Directory, "status");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("vibe: VIBE_DB_PROVIDER is 'oracle'; use one of sqlite, sqlserver, postgres", result.Error.Trim());
    }
}

using Vibe.TestSupport;

namespace Vibe.IntegrationTests;

/// <summary>
/// README: argument mistakes exit 3 with one line naming the argument and the command's usage; an unknown robot
/// exits 2. Each case runs the real `vibe` as a user types it.
/// </summary>
public class CliContractTests
{
    private const string Robots = """
        { "robots": [
          { "name": "greeter", "executor": "shell", "steps": [ { "action": "log", "message": "hi" } ] },
          { "name": "pinned", "executor": "shell", "hosts": ["elsewhere"], "steps": [ { "action": "log", "message": "hi" } ] }
        ] }
        """;

    public static TheoryData<string, int, string> Mistakes => new()
    {
        // command line, exit code, what the first line must say
        { "status abc", 3, "<id> must be a whole number, not 'abc'" },
        { "status --limit abc", 3, "--limit must be a whole number, not 'abc'" },
        { "status --limit", 3, "--limit needs a value" },
        { "status --limit 0", 3, "--limit must be between 1 and 10000" },
        { "status --limit 10001", 3, "--limit must be between 1 and 10000" },
        { "status -1", 3, "-1 is not a valid <id>" },
        { "status 0", 3, "<id> must be a run id" },
        { "status 1 2", 3, "unexpected argument '2'" },
        { "status --bogus", 3, "unknown option '--bogus' for 'status'" },
        { "status --robot nosuch", 2, "no robot named 'nosuch'" },
        { "rerun abc", 3, "<id> must be a whole number, not 'abc'" },
        { "rerun", 3, "<id> is missing" },
        { "run-now", 3, "<robot> is missing" },
        { "run-now greeter --wiat", 3, "unknown option '--wiat' for 'run-now' (did you mean '--wait'?)" },
        { "run-now greeter extra", 3, "unexpected argument 'extra'" },
        { "run-now greeter --here --queue", 3, "--here and --queue cannot be used together" },
        { "run-now nosuch --queue", 2, "no robot named 'nosuch'" },
        { "run-now pinned", 5, "no live vibe service may run 'pinned' (pinned to \"hosts\": elsewhere); no vibe service is running; this host (" },
        { "rerun 1 --queue --here", 3, "--here and --queue cannot be used together" },
        { "rerun 42 --here", 2, "no run with id 42" },
        { "statsu", 3, "unknown command 'statsu' (did you mean 'status'?)" },
        { "list-robots extra", 3, "'list-robots' takes no argument, but was given 'extra'" },
        { "validate --jsno", 3, "unknown option '--jsno' for 'validate' (did you mean '--json'?)" },
        { "notify queue --limit -1", 3, "--limit must be between 1 and 10000" },
        { "notify bogus", 3, "unknown command 'bogus'" },
        { "db migrate now", 3, "'migrate' takes no argument, but was given 'now'" },
        { "purge --older-then 3d", 3, "unknown option '--older-then' for 'purge' (did you mean '--older-than'?)" },
        { "stop-service --timeout 0", 3, "--timeout must be between 1 and 86400" },
        { "inspect --depth x", 3, "--depth must be a whole number, not 'x'" },
        { "pause", 3, "<robot> is missing" },
        { "pause nosuch", 2, "no robot named 'nosuch'" },
        { "pause greeter --until soonish", 3, "--until must be a time" },
        { "resume nosuch", 2, "no robot named 'nosuch'" },
        { "cancel abc", 3, "<id> must be a whole number, not 'abc'" },
        { "cancel 42", 2, "no run with id 42" },
        { "evidence", 3, "<id> is missing" },
        { "evidence abc", 3, "<id> must be a whole number, not 'abc'" },
        { "evidence 0", 3, "<id> must be a run id" },
        { "evidence 42", 2, "no run with id 42" },
        { "evidence 42 --out", 3, "--out needs a value" },
        { "evidence 42 --ot x", 3, "unknown option '--ot' for 'evidence' (did you mean '--out'?)" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task An_argument_mistake_is_one_line_naming_it_then_the_usage(string commandLine, int exitCode, string message)
    {
        using var workspace = new TempWorkspace().WriteRobots(Robots);

        var result = await VibeProcess.RunAsync(workspace.Directory, commandLine.Split(' '));

        Assert.True(result.ExitCode == exitCode, $"expected exit {exitCode}\n{result}");
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length > 0 && lines[0].StartsWith("vibe: ", StringComparison.Ordinal) && lines[0].Contains(message, StringComparison.Ordinal), result.ToString());
        if (exitCode == 3)
        {
            Assert.True(lines.Length == 2 && lines[1].StartsWith("usage: vibe ", StringComparison.Ordinal), $"the usage follows the message\n{result}");
        }

        Assert.DoesNotContain("unexpected error", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error + result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("dotnet", result.Error + result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("status --help")]
    [InlineData("notify --help")]
    public async Task Help_names_the_program_vibe_not_dotnet(string commandLine)
    {
        using var workspace = new TempWorkspace().WriteRobots(Robots);

        var result = await VibeProcess.RunAsync(workspace.Directory, commandLine.Split(' '));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Usage: vibe ", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("dotnet", result.Output, StringComparison.Ordinal);
    }
}

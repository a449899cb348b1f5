using System.Text;
using Vibe.TestSupport;

namespace Vibe.IntegrationTests;

/// <summary>
/// What a new user writes by hand (often in Notepad) and what `vibe validate` says about it: each case is a
/// robots.json or .env as written, run through the real CLI, with the message, where it points and the exit code.
/// </summary>
public class BrokenConfigurationTests
{
    /// <param name="Robots">robots.json (null: none); <paramref name="RobotsBytes"/> wins when set.</param>
    /// <param name="Location">How the reported line starts: file, line (and column).</param>
    public sealed record Case(string Robots, int ExitCode, string Fragment, string Location)
    {
        public byte[]? RobotsBytes { get; init; }

        public string? Env { get; init; }

        public byte[]? EnvBytes { get; init; }

        public (string Path, string Content)? Extra { get; init; }
    }

    /// <summary>One robot; its step is on line 4, the executor's option block on line 2.</summary>
    private static string Robot(string executor, string step, string block = "") =>
        $"{{ \"robots\": [\n  {{ \"name\": \"r\", \"executor\": \"{executor}\"{block},\n    \"steps\": [\n      {step}\n    ] }} ] }}\n";

    private static string Shell(string step) => Robot("shell", step);

    private const string Log = """{ "action": "log", "message": "x" }""";

    private static readonly Dictionary<string, Case> Cases = new()
    {
        // Parameters: unknown names, types, choices, durations, ranges.
        ["unknown parameter"] = new(Shell("""{ "action": "wait", "duration": "1s", "delya": "2s" }"""), 1, "unknown parameter 'delya' for action 'wait'", "robots.json:4:"),
        ["misspelt parameter"] = new(Shell("""{ "action": "log", "message": "x", "levle": "error" }"""), 1, "unknown parameter 'levle' for action 'log' (did you mean 'level'?)", "robots.json:4:"),
        ["wait forever"] = new(Shell("""{ "action": "wait", "duration": "forever" }"""), 1, "duration 'forever' is not a duration", "robots.json:4:"),
        ["log level fatal"] = new(Shell("""{ "action": "log", "message": "x", "level": "fatal" }"""), 1, "level 'fatal' is not one of info, warning, error, debug", "robots.json:4:"),
        ["set without variable"] = new(Shell("""{ "action": "set", "value": "1" }"""), 1, "action 'set' needs \"variable\"", "robots.json:4:"),
        ["web match exactly"] = new(Robot("web", """{ "action": "assertText", "selector": "#s", "text": "Paid", "match": "exactly" }"""), 1, "match 'exactly' is not one of contains, equals, regex", "robots.json:4:"),
        ["desktop match exactly"] = new(Robot("desktop", """{ "action": "assertText", "selector": "edit", "text": "a", "match": "exactly" }"""), 1, "match 'exactly' is not one of equals, contains, regex", "robots.json:4:"),
        ["web button top"] = new(Robot("web", """{ "action": "click", "selector": "#go", "button": "top" }"""), 1, "button 'top' is not one of left, right, middle", "robots.json:4:"),
        ["web waitUntil done"] = new(Robot("web", """{ "action": "goto", "url": "https://example.com", "waitUntil": "done" }"""), 1, "waitUntil 'done' is not one of load, domcontentloaded, networkidle, commit", "robots.json:4:"),
        ["web visible maybe"] = new(Robot("web", """{ "action": "assertVisible", "selector": "#s", "visible": "maybe" }"""), 1, "visible must be true or false, not 'maybe'", "robots.json:4:"),
        ["web tab index negative"] = new(Robot("web", """{ "action": "tab", "index": -1 }"""), 1, "index must be between 0 and 1000, not -1", "robots.json:4:"),
        ["web type delay slow"] = new(Robot("web", """{ "action": "type", "selector": "#q", "text": "a", "delay": "slow" }"""), 1, "delay 'slow' is not a duration", "robots.json:4:"),
        ["web upload files object"] = new(Robot("web", """{ "action": "upload", "selector": "#f", "files": { "a": 1 } }"""), 1, "files must be a text or a list of texts", "robots.json:4:"),
        ["web extract what html"] = new(Robot("web", """{ "action": "extract", "selector": "#s", "variable": "v", "what": "html" }"""), 1, "what 'html' is not one of text, value, attribute, table", "robots.json:4:"),
        ["web step timeout never"] = new(Robot("web", """{ "action": "click", "selector": "#go", "timeout": "never" }"""), 1, "timeout 'never' is not a duration", "robots.json:4:"),
        ["web parameter in another case"] = new(Robot("web", """{ "action": "click", "Selector": "#go" }"""), 1, "unknown parameter 'Selector' for action 'click' (did you mean 'selector'?)", "robots.json:4:"),
        ["desktop x not a number"] = new(Robot("desktop", """{ "action": "clickAt", "x": "left", "y": 3 }"""), 1, "x must be a number, not 'left'", "robots.json:4:"),
        ["desktop clicks out of range"] = new(Robot("desktop", """{ "action": "clickAt", "x": 1, "y": 3, "clicks": 9 }"""), 1, "clicks must be between 1 and 3, not 9", "robots.json:4:"),
        ["desktop scroll lots"] = new(Robot("desktop", """{ "action": "scroll", "amount": "lots" }"""), 1, "amount must be a whole number, not 'lots'", "robots.json:4:"),
        ["desktop confidence 2"] = new(Robot("desktop", """{ "action": "findImage", "image": "ok.png", "confidence": 2 }"""), 1, "confidence must be between 0 and 1, not 2", "robots.json:4:"),

        // Action names: one case-sensitive rule, with a suggestion.
        ["desktop Click"] = new(Robot("desktop", """{ "action": "Click", "selector": "button" }"""), 1, "unknown action 'Click' for executor 'desktop' (did you mean 'click'?)", "robots.json:4:"),
        ["web Click"] = new(Robot("web", """{ "action": "Click", "selector": "#go" }"""), 1, "unknown action 'Click' for executor 'web' (did you mean 'click'?)", "robots.json:4:"),
        ["shared Log"] = new(Shell("""{ "action": "Log", "message": "x" }"""), 1, "unknown action 'Log' for executor 'shell' (did you mean 'log'?)", "robots.json:4:"),

        // ${...}
        ["unterminated env"] = new(Shell("""{ "action": "log", "message": "${env:OOPS" }"""), 1, "'${env:OOPS' is not closed", "robots.json:4:"),
        ["empty interpolation"] = new(Shell("""{ "action": "log", "message": "a ${} b" }"""), 1, "'${}' names nothing", "robots.json:4:"),
        ["unknown env"] = new(Shell("""{ "action": "log", "message": "${env:VIBE_TEST_SURELY_MISSING}" }"""), 1, "environment variable VIBE_TEST_SURELY_MISSING is not set", "robots.json:4:"),

        // Executor option blocks, checked by validate rather than when a run starts.
        ["web block unknown setting"] = new(Robot("web", Log.Replace("log", "goto").Replace("message", "url"), ", \"web\": { \"headles\": true }"), 1, "unknown setting 'headles' for the web block (did you mean 'headless'?)", "robots.json:2:"),
        ["web block bad viewport"] = new(Robot("web", Log.Replace("log", "goto").Replace("message", "url"), ", \"web\": { \"viewport\": \"big\" }"), 1, "viewport must be WIDTHxHEIGHT", "robots.json:2:"),
        ["web block bad timeout"] = new(Robot("web", Log.Replace("log", "goto").Replace("message", "url"), ", \"web\": { \"actionTimeout\": \"soon\" }"), 1, "actionTimeout 'soon' is not a duration", "robots.json:2:"),
        ["desktop block bad timeout"] = new(Robot("desktop", """{ "action": "focus" }""", ", \"desktop\": { \"timeout\": \"soon\" }"), 1, "timeout 'soon' is not a duration", "robots.json:2:"),
        ["desktop block unknown setting"] = new(Robot("desktop", """{ "action": "focus" }""", ", \"desktop\": { \"colour\": \"red\" }"), 1, "unknown setting 'colour' for the desktop block", "robots.json:2:"),
        ["web block on a shell robot"] = new(Robot("shell", Log, ", \"web\": { \"headless\": true }"), 1, "\"web\" holds the options of the web executor, but this robot's executor is 'shell'", "robots.json:2:"),
        ["robot field typo"] = new(Robot("shell", Log, ", \"schedul\": { \"cron\": \"0 0 2 * * ?\" }"), 1, "unknown field 'schedul' (did you mean 'schedule'?)", "robots.json:2:"),

        // The reader: strict where silence hurts.
        ["duplicate key"] = new("{ \"robots\": [\n  { \"name\": \"r1\",\n    \"name\": \"r2\", \"executor\": \"shell\", \"steps\": [ " + Log + " ] } ] }\n", 1, "\"name\" is written twice in one object, on lines 2 and 3", "robots.json:3:"),
        ["duplicate key in robots.d"] = new("{ \"robots\": [] }", 1, "\"executor\" is written twice in one object, on lines 1 and 2", "robots.d/twice.json:2:")
        {
            Extra = ("robots.d/twice.json", "{ \"name\": \"t\", \"executor\": \"shell\",\n  \"executor\": \"web\", \"steps\": [ " + Log + " ] }"),
        },
        ["robots null"] = new("{ \"robots\": null }", 1, "\"robots\" must be a list of robots", "robots.json:1:"),
        ["robots missing"] = new("{ \"defaults\": { \"executor\": \"shell\" } }", 1, "\"robots\" must be a list of robots", "robots.json:"),
        ["robots not a list"] = new("{ \"robots\": 5 }", 1, "expected a list", "robots.json:1:"),
        ["UTF-16 file"] = new("", 1, "is not UTF-8 (it looks like UTF-16 LE): save it as UTF-8", "robots.json:")
        {
            RobotsBytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("{ \"robots\": [] }")).ToArray(),
        },
        ["Latin-1 file"] = new("", 1, "is not UTF-8", "robots.json:2:")
        {
            RobotsBytes = Encoding.Latin1.GetBytes("{ \"robots\": [\n  { \"name\": \"caf\u00e9\", \"executor\": \"shell\", \"steps\": [ " + Log + " ] } ] }"),
        },

        // ... and kind where Windows is involved, or where nothing is wrong.
        ["UTF-8 with BOM"] = new("", 0, "ok: 1 robot(s)", "")
        {
            RobotsBytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Shell(Log))],
        },
        ["comments and trailing commas"] = new("{\n  // a comment\n  \"robots\": [ { \"name\": \"r\", \"executor\": \"shell\", /* here too */ \"steps\": [ " + Log + ", ], }, ],\n}", 0, "ok: 1 robot(s)", ""),
        ["match exact is an alias"] = new(Robot("desktop", """{ "action": "assertText", "selector": "edit", "text": "a", "match": "exact" }"""), 0, "ok: 1 robot(s)", ""),
        ["cron that never fires"] = new("{ \"robots\": [\n  { \"name\": \"feb31\", \"executor\": \"shell\",\n    \"schedule\": { \"cron\": \"0 0 0 31 2 ?\" }, \"steps\": [ " + Log + " ] } ] }", 0, "warning: robots.json:3:", "robots.json:3:"),

        // .env: every line is KEY=value (or a comment); the error names the line, never its text.
        ["env line without equals"] = new(Shell(Log), 3, "this line is not KEY=value", ".env:2") { Env = "VIBE_DB_PROVIDER=sqlite\nhunter2\n" },
        ["env bad key"] = new(Shell(Log), 3, "the name before '=' is not a valid key", ".env:1") { Env = "1PASSWORD=x\n" },
        ["env unclosed quote"] = new(Shell(Log), 3, "the value of PW opens a double quote that is never closed", ".env:2") { Env = "# comment\nPW=\"abc\n" },
        ["env text after quote"] = new(Shell(Log), 3, "the value of PW has text after its closing single quote", ".env:1") { Env = "PW='abc'def\n" },
        ["env in Latin-1"] = new(Shell(Log), 3, "the file is not UTF-8", ".env:2") { EnvBytes = Encoding.Latin1.GetBytes("VIBE_DB_PROVIDER=sqlite\nPW=caf\u00e9\n") },
        ["env in UTF-16 with BOM"] = new(Shell(Log), 0, "ok: 1 robot(s)", "") { EnvBytes = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("VIBE_DB_PROVIDER=sqlite\n")] },
        ["env quoted hash and BOM"] = new(Shell(Log), 0, "ok: 1 robot(s)", "") { Env = "\uFEFFPW=\"se cret #1\"   # the portal password\nA='x=1 # y'\n" },
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    [Fact]
    public void The_table_has_at_least_40_cases() => Assert.True(Cases.Count >= 40, $"{Cases.Count} cases");

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Validate_says_what_and_where(string name)
    {
        var @case = Cases[name];
        using var workspace = new TempWorkspace();
        if (@case.RobotsBytes is { } bytes)
        {
            File.WriteAllBytes(workspace.PathOf("robots.json"), bytes);
        }
        else
        {
            workspace.WriteRobots(@case.Robots);
        }

        if (@case.Env is { } env)
        {
            workspace.WriteFile(".env", env);
        }

        if (@case.EnvBytes is { } envBytes)
        {
            File.WriteAllBytes(workspace.PathOf(".env"), envBytes);
        }

        if (@case.Extra is { } extra)
        {
            workspace.WriteFile(extra.Path, extra.Content);
        }

        var result = await VibeProcess.RunAsync(workspace.Directory, "validate");

        Assert.True(result.ExitCode == @case.ExitCode, $"expected exit {@case.ExitCode}\n{result}");
        var all = result.Output + result.Error;
        var line = all.Split('\n').FirstOrDefault(text => text.Contains(@case.Fragment, StringComparison.Ordinal));
        Assert.True(line is not null, $"expected a line with \"{@case.Fragment}\"\n{result}");
        Assert.True(line.Contains(@case.Location, StringComparison.Ordinal), $"expected the line to point at \"{@case.Location}\": {line}");
        Assert.DoesNotContain("unexpected error", all, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quoted_env_value_reaches_the_robot_exactly_as_written()
    {
        // Quoted: taken exactly as written, " #", "=" and backslashes included (main unescaped "\\" to "\"),
        // with a comment after it. Unquoted: " #" starts a comment (as on main), a # right after a character is kept.
        using var workspace = new TempWorkspace()
            .WriteEnv("PW=\"se cret #1=\"   # the portal password", @"SHARE='\\files\robots'", "PLAIN=a # b", "PIN=12#34");
        File.WriteAllText(workspace.PathOf("check.sh"), "[ \"$1\" = 'se cret #1=' ] && [ \"$2\" = '\\\\files\\robots' ] && [ \"$3\" = 'a' ] && [ \"$4\" = '12#34' ]\n");
        workspace.WriteRobots(Shell("""{ "action": "run", "program": "sh", "args": ["check.sh", "${env:PW}", "${env:SHARE}", "${env:PLAIN}", "${env:PIN}"] }"""));

        var result = await VibeProcess.RunAsync(workspace.Directory, "run-now", "r");

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task ListRobots_shows_never_for_a_cron_that_never_fires()
    {
        using var workspace = new TempWorkspace().WriteRobots(Cases["cron that never fires"].Robots);

        var result = await VibeProcess.RunAsync(workspace.Directory, "list-robots");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"feb31\s+shell\s+yes\s+no\s+0 0 0 31 2 \?\s+UTC\s+never\s", result.Output);
    }
}

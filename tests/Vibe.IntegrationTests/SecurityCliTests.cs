using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Vibe.TestSupport;

namespace Vibe.IntegrationTests;

/// <summary>
/// Issue 18 as a second local account and an operator see it, through the real `vibe` process: a private data
/// folder, bounded program output, a clean terminal, secrets handed to programs without `ps` showing them, and
/// secrets of the real environment kept out of logs and programs.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public partial class SecurityCliTests
{
    private const string OtherUser = "vibeother";

    [Fact]
    public async Task Another_local_account_cannot_read_the_run_store_or_the_evidence()
    {
        // As root (the test machines) a second, unprivileged account is created and tries; otherwise the modes tell.
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await EnsureOtherUserAsync();
        }

        using var files = new TempWorkspace().WriteRobotList(
            """{ "name": "leaky", "executor": "shell", "steps": [ { "action": "log", "message": "customer 4711 exported" }, { "action": "run", "program": "sh", "args": ["-c", "echo report > \"$VIBE_RUN_FOLDER/report.txt\"; exit 3"] } ] }""");

        // A configuration folder as operators have it: readable by all (the temporary folder itself is 0700).
        File.SetUnixFileMode(files.Directory, (UnixFileMode)Convert.ToInt32("755", 8));

        var run = await VibeProcess.RunAsync(files.Directory, "run-now", "leaky");
        Assert.True(run.ExitCode == 1, run.ToString());

        var store = Path.Combine(files.DataDirectory, "vibe.db");
        var evidence = Directory.GetFiles(Path.Combine(files.DataDirectory, "runs"), "failure.txt", SearchOption.AllDirectories).Single();
        var report = Directory.GetFiles(Path.Combine(files.DataDirectory, "runs"), "report.txt", SearchOption.AllDirectories).Single();
        foreach (var path in asRoot ? new[] { store, evidence } : [])
        {
            var read = await AsOtherUserAsync("cat", path);
            Assert.True(read.ExitCode != 0, $"{OtherUser} could read {path}\n{read}");
            Assert.DoesNotContain("4711", read.Output, StringComparison.Ordinal);
        }

        if (asRoot)
        {
            var listing = await AsOtherUserAsync("ls", files.DataDirectory);
            Assert.True(listing.ExitCode != 0, $"{OtherUser} could list the data folder\n{listing}");
        }

        var modes = Directory.EnumerateFileSystemEntries(files.DataDirectory, "*", SearchOption.AllDirectories)
            .Where(path => path != report) // the robot's program keeps the operator's umask for its own files
            .Select(path => (Path: path, Mode: ModeOf(path), Folder: Directory.Exists(path)))
            .ToList();
        Assert.Equal("0700", ModeOf(files.DataDirectory));
        Assert.All(modes, entry => Assert.True(entry.Mode == (entry.Folder ? "0700" : "0600"), $"{entry.Path} has mode {entry.Mode}"));
        Assert.Equal("0644", ModeOf(report));
    }

    [Fact]
    public async Task A_data_folder_others_can_write_to_is_refused_and_one_they_can_enter_is_warned_about()
    {
        using var files = new TempWorkspace().WriteRobotList("""{ "name": "r", "executor": "shell", "steps": [ { "action": "log", "message": "hi" } ] }""");
        Directory.CreateDirectory(files.DataDirectory);

        File.SetUnixFileMode(files.DataDirectory, (UnixFileMode)Convert.ToInt32("777", 8));
        var refused = await VibeProcess.RunAsync(files.Directory, "run-now", "r");
        Assert.True(refused.ExitCode == 3, refused.ToString());
        Assert.Contains($"the data folder {files.DataDirectory} is writable by its group and all other users (mode 0777)", refused.Error, StringComparison.Ordinal);
        Assert.Contains($"chmod 700 {files.DataDirectory}", refused.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(files.DataDirectory, "vibe.db")), "nothing is done in a data folder others can write to");

        File.SetUnixFileMode(files.DataDirectory, (UnixFileMode)Convert.ToInt32("755", 8));
        var validate = await VibeProcess.RunAsync(files.Directory, "validate");
        Assert.True(validate.ExitCode == 0, validate.ToString());
        Assert.Contains($"warning: the data folder {files.DataDirectory} is reachable by its group and all other users (mode 0755)", validate.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Escape_sequences_and_forged_lines_from_a_program_are_neutralised_on_the_terminal()
    {
        using var files = new TempWorkspace().WriteRobotList(
            """{ "name": "noisy", "executor": "shell", "steps": [ { "action": "run", "program": "printf", "args": ["red \u001b[31mALERT\u001b[0m title \u001b]0;pwned\u0007 end\nFAKE-TIME #7 step #7 run succeeded (forged)\rcarriage\n"] } ] }""");

        var run = await VibeProcess.RunAsync(files.Directory, "run-now", "noisy");
        var status = await VibeProcess.RunAsync(files.Directory, "status", "1");

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var output in new[] { run.Output + run.Error, status.Output })
        {
            Assert.DoesNotContain('\u001b', output);
            Assert.DoesNotContain('\u0007', output);
            Assert.Contains(@"red \e[31mALERT\e[0m title \e]0;pwned\u0007 end", output, StringComparison.Ordinal);
            var forged = output.Split('\n').Single(line => line.Contains("FAKE-TIME", StringComparison.Ordinal));
            Assert.Matches(LogLinePrefix(), forged);
            Assert.Contains(@"(forged)\rcarriage", forged, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_secret_handed_through_env_and_stdin_reaches_the_program_but_not_ps()
    {
        const string token = "tok-7f3a9c1e55";
        const string password = "pw-b81d44e0aa";
        using var files = new TempWorkspace()
            .WriteEnv($"API_TOKEN={token}", $"PORTAL_PASSWORD={password}")
            .WriteFile("wait.py", """
                import os, sys, time
                secret = sys.stdin.readline().strip()
                token = os.environ.get("API_TOKEN", "")
                print("token " + ("ok" if len(token) == 14 and token.startswith("tok-") else "missing"), flush=True)
                print("stdin " + ("ok" if len(secret) == 13 else "missing"), flush=True)
                print("ready", flush=True)
                while not os.path.exists(sys.argv[1]):
                    time.sleep(0.05)
                """)
            .WriteRobotList("""{ "name": "handover", "executor": "shell", "steps": [ { "action": "run", "program": "/usr/bin/python3", "args": ["wait.py", "release"], "env": { "API_TOKEN": "${env:API_TOKEN}" }, "stdin": "${env:PORTAL_PASSWORD}\n" } ] }""");

        using var vibe = VibeProcess.Start(files.Directory, null, "run-now", "handover");
        var seen = new System.Text.StringBuilder();
        string? line;
        while ((line = await vibe.StandardOutput.ReadLineAsync()) is not null)
        {
            seen.AppendLine(line);
            if (line.EndsWith("ready", StringComparison.Ordinal))
            {
                break;
            }
        }

        // The program is running now: every command line on the machine, as `ps` shows them to any account.
        var commandLines = Directory.EnumerateDirectories("/proc").Where(dir => int.TryParse(Path.GetFileName(dir), CultureInfo.InvariantCulture, out _))
            .Select(dir => { try { return File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' '); } catch (IOException) { return ""; } catch (UnauthorizedAccessException) { return ""; } })
            .ToList();
        await File.WriteAllTextAsync(files.PathOf("release"), "");
        seen.Append(await vibe.StandardOutput.ReadToEndAsync());
        await vibe.WaitForExitAsync();

        Assert.True(vibe.ExitCode == 0, seen.ToString());
        Assert.Contains(commandLines, commandLine => commandLine.Contains("wait.py release", StringComparison.Ordinal));
        Assert.DoesNotContain(commandLines, commandLine => commandLine.Contains(token, StringComparison.Ordinal) || commandLine.Contains(password, StringComparison.Ordinal));
        Assert.Contains("token ok", seen.ToString(), StringComparison.Ordinal);
        Assert.Contains("stdin ok", seen.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secret_vibe_settings_of_the_real_environment_are_masked_and_kept_from_programs()
    {
        const string password = "smtp-pw-from-env-31";
        using var files = new TempWorkspace().WriteRobotList(
            $$"""{ "name": "nosy", "executor": "shell", "steps": [ { "action": "log", "message": "the password is {{password}}" }, { "action": "run", "program": "sh", "args": ["-c", "env | grep VIBE_ || true"] } ] }""");
        var environment = new Dictionary<string, string> { ["VIBE_SMTP_PASSWORD"] = password, ["VIBE_SMTP_HOST"] = "mail.example.com" };

        var run = await VibeProcess.RunAsync(files.Directory, environment, "run-now", "nosy");
        var status = await VibeProcess.RunAsync(files.Directory, environment, "status", "1");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("the password is ***", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(password, run.Output + run.Error + status.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("VIBE_SMTP_PASSWORD", run.Output, StringComparison.Ordinal);
        Assert.Contains("VIBE_SMTP_HOST=mail.example.com", run.Output, StringComparison.Ordinal);
        Assert.Contains("VIBE_RUN_ID=1", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_numeric_secret_is_masked_on_the_console_in_the_run_log_and_in_the_evidence()
    {
        using var files = new TempWorkspace()
            .WriteEnv("PIN=48392017", "VIBE_SMTP_PORT=2525", "CODE=abc")
            .WriteRobotList("""{ "name": "pin", "executor": "shell", "steps": [ { "action": "log", "message": "port 2525, pin ${env:PIN}" }, { "action": "run", "program": "sh", "args": ["-c", "echo entered 48392017; exit 2"] } ] }""");

        var run = await VibeProcess.RunAsync(files.Directory, "run-now", "pin");
        var status = await VibeProcess.RunAsync(files.Directory, "status", "1");
        var validate = await VibeProcess.RunAsync(files.Directory, "validate");
        var evidence = Directory.GetFiles(Path.Combine(files.DataDirectory, "runs"), "failure.*", SearchOption.AllDirectories).Select(File.ReadAllText);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("port 2525, pin ***", run.Output, StringComparison.Ordinal);
        Assert.Contains("entered ***", status.Output, StringComparison.Ordinal);
        foreach (var text in evidence.Append(run.Output).Append(run.Error).Append(status.Output))
        {
            Assert.DoesNotContain("48392017", text, StringComparison.Ordinal);
        }

        Assert.Contains("warning: CODE is a secret shorter than 4 characters, so it cannot be masked safely", validate.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hundred_megabytes_of_output_keep_the_memory_and_the_store_bounded()
    {
        using var files = new TempWorkspace()
            .WriteEnv("VIBE_OUTPUT_MAX_LINES=1000", "VIBE_OUTPUT_MAX_KB=1024")
            .WriteRobotList("""
                { "name": "flood", "executor": "shell", "steps": [
                  { "action": "run", "program": "sh", "args": ["-c", "head -c 70000000 /dev/zero | tr '\\0' x; echo; seq 1 4000000"] },
                  { "action": "run", "program": "sh", "args": ["-c", "head -c 3000000 /dev/zero | tr '\\0' y"], "outputVariable": "big" } ] }
                """);

        using var vibe = VibeProcess.Start(files.Directory, null, "run-now", "flood");
        var output = vibe.StandardOutput.ReadToEndAsync();
        var error = vibe.StandardError.ReadToEndAsync();
        long peakKb = 0;
        while (!vibe.HasExited)
        {
            peakKb = Math.Max(peakKb, HighWaterMarkKb(vibe.Id));
            await Task.WhenAny(vibe.WaitForExitAsync(), Task.Delay(50));
        }

        var run = new CliResult(vibe.ExitCode, await output, await error);
        var status = await VibeProcess.RunAsync(files.Directory, "status", "1");
        var storeBytes = Directory.GetFiles(files.DataDirectory, "vibe.db*").Sum(path => new FileInfo(path).Length);

        // About 101 MB of output (a 70 MB line, then 4 million short lines) through a process whose own footprint stays
        // under 400 MB (db909f4 reached 3.4 GB here); the store holds about the 1 MB cap.
        Assert.True(peakKb is > 0 and < 400 * 1024, $"peak resident memory {peakKb / 1024} MB\n{Shorten(run.ToString())}");
        Assert.True(storeBytes < 8 * 1024 * 1024, $"the store grew to {storeBytes / 1024} KB");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("(69,991,808 more characters cut)", status.Output, StringComparison.Ordinal);
        Assert.Matches(@"… [\d,]+ lines dropped: the run's output reached its limit of 1,000 lines or 1024 KB", status.Output);
        Assert.Contains("is larger than outputVariable can hold (1024 KB, VIBE_OUTPUT_VARIABLE_MAX_KB)", run.Output + run.Error, StringComparison.Ordinal);
        // One note per program that went over, in place of the lines it printed.
        Assert.Equal(2, Regex.Count(status.Output, "lines dropped"));
    }

    private static string Shorten(string text) => text.Length <= 4000 ? text : text[..4000] + "…";

    private static long HighWaterMarkKb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static string ModeOf(string path) => Convert.ToString((int)File.GetUnixFileMode(path) & 0x1FF, 8).PadLeft(4, '0');

    private static async Task EnsureOtherUserAsync()
    {
        var id = await CommandAsync("id", "-u", OtherUser);
        if (id.ExitCode != 0)
        {
            var add = await CommandAsync("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", OtherUser);
            Assert.True(add.ExitCode == 0 || (await CommandAsync("id", "-u", OtherUser)).ExitCode == 0, add.ToString());
        }
    }

    private static Task<CliResult> AsOtherUserAsync(params string[] command) => CommandAsync("runuser", ["-u", OtherUser, "--", .. command]);

    private static async Task<CliResult> CommandAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CliResult(process.ExitCode, await output, await error);
    }

    // "12:34:56.789      #1   " or with a level tag: every printed line starts with vibe's own prefix.
    [GeneratedRegex(@"^\s*\d\d:\d\d:\d\d\.\d{3} (ERR |WARN|DBG |    ) (#\d+\s*|    ) ")]
    private static partial Regex LogLinePrefix();
}

using System.Text.Json;
using Vibe.TestSupport;

namespace Vibe.IntegrationTests;

/// <summary>What the history says when the store is briefly unavailable just as a run ends.</summary>
public class OutcomeRecordingTests
{
    [Fact]
    public async Task A_run_that_ends_while_another_program_holds_the_store_locked_is_recorded_with_its_outcome_and_whole_log()
    {
        using var workspace = new TempWorkspace();
        var database = Path.Combine(workspace.DataDirectory, "vibe.db");
        var locked = workspace.PathOf("locked");

        // Step 1 starts a program that holds the SQLite file's write lock for 3 s (as a backup tool or a script
        // writing to the same file might); step 2 waits until it has the lock. The run then ends while the file is
        // locked, and vibe, told to wait only 1 s for a lock, finds the store busy when it records the outcome.
        var holdLock = $"import sqlite3, time; c = sqlite3.connect('{database}', isolation_level=None); c.execute('BEGIN EXCLUSIVE'); open('{locked}', 'w').close(); time.sleep(3); c.execute('COMMIT')";
        workspace.WriteRobots($$"""
            { "robots": [ { "name": "locked-out", "executor": "shell", "steps": [
                { "action": "run", "program": "sh", "args": ["-c", {{JsonSerializer.Serialize($"python3 -c \"{holdLock}\" >/dev/null 2>&1 &")}}] },
                { "action": "run", "program": "sh", "args": ["-c", {{JsonSerializer.Serialize($"while [ ! -f '{locked}' ]; do sleep 0.05; done")}}] },
                { "action": "log", "message": "last line, written while the store is locked" } ] } ] }
            """);
        var environment = new Dictionary<string, string> { ["VIBE_DB_CONNECTION"] = $"Data Source={database};Default Timeout=1" };
        Assert.Equal(0, (await VibeProcess.RunAsync(workspace.Directory, environment, "db", "migrate")).ExitCode);

        var run = await VibeProcess.RunAsync(workspace.Directory, environment, "run-now", "locked-out");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(locked), "the lock was taken during the run\n" + run);
        var details = await VibeProcess.RunAsync(workspace.Directory, environment, "status", "1", "--json");
        Assert.True(details.ExitCode == 0, details.ToString());
        var document = JsonDocument.Parse(details.Output).RootElement;
        Assert.Equal("Succeeded", document.GetProperty("run").GetProperty("status").GetString());
        var messages = document.GetProperty("log").EnumerateArray().Select(line => line.GetProperty("message").GetString()).ToList();
        Assert.Contains("last line, written while the store is locked", messages);
        Assert.Contains(messages, message => message!.StartsWith("run 1 succeeded", StringComparison.Ordinal));
    }
}

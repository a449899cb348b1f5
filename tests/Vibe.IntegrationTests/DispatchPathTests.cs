using Microsoft.Extensions.DependencyInjection;
using Vibe.Application.Common.Errors;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Runs.EnqueueRun;
using Vibe.Application.Runs.ExecuteRun;
using Vibe.Application.Runs.GetRun;
using Vibe.Domain.Runs;
using Vibe.Infrastructure.Persistence;
using Vibe.TestSupport;

namespace Vibe.IntegrationTests;

/// <summary>
/// The lean dispatch path the benchmarks measure (docs/performance.md): the claim hands the worker the whole row,
/// log lines are stored a batch per statement, and the SQLite store is checked without EF Core's migrator.
/// </summary>
public class DispatchPathTests
{
    private const string Robots = """
        { "robots": [
          { "name": "chatty", "executor": "shell", "steps": [
              { "action": "log", "message": "before" },
              { "action": "run", "program": "sh", "args": ["-c", "seq 1 1000"] },
              { "action": "log", "message": "after" } ] }
        ] }
        """;

    [Theory]
    [MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task A_claimed_run_comes_back_whole_and_is_finished_without_being_read_again(string provider)
    {
        var (environment, database) = await StoreProviders.ForAsync(provider);
        await using var _ = database;
        using var workspace = new TempWorkspace().WriteRobots(Robots);
        await using var vibe = await InProcessVibe.StartAsync(workspace, environment);
        var queued = await vibe.SendAsync(new EnqueueRun("chatty"));

        var now = DateTime.SpecifyKind(TimeProvider.System.GetUtcNow().UtcDateTime, DateTimeKind.Utc);
        var claimed = await vibe.Services.GetRequiredService<IRunQueue>().ClaimNextAsync("test-host", [], now, now.AddMinutes(1), CancellationToken.None);

        Assert.NotNull(claimed);
        Assert.Equal(queued.Id, claimed.Id);
        Assert.Equal("chatty", claimed.RobotName);
        Assert.Equal(RunStatus.Running, claimed.Status);
        Assert.Equal("test-host", claimed.Host);
        Assert.Equal(DateTimeKind.Utc, claimed.StartedAt!.Value.Kind);
        Assert.Null(await vibe.Services.GetRequiredService<IRunQueue>().ClaimNextAsync("other-host", [], now, now.AddMinutes(1), CancellationToken.None));

        var finished = await vibe.SendAsync(ExecuteRun.ForClaimed(claimed));

        Assert.Equal(RunStatus.Succeeded, finished.Status);
        Assert.Equal(RunStatus.Succeeded, (await vibe.SendAsync(new GetRun(queued.Id))).Run.Status);
    }

    [Theory]
    [MemberData(nameof(StoreProviders.All), MemberType = typeof(StoreProviders))]
    public async Task A_thousand_lines_of_program_output_are_all_stored_in_order(string provider)
    {
        var (environment, database) = await StoreProviders.ForAsync(provider);
        await using var _ = database;
        using var workspace = new TempWorkspace().WriteRobots(Robots);
        await using var vibe = await InProcessVibe.StartAsync(workspace, environment);
        var queued = await vibe.SendAsync(new EnqueueRun("chatty"));

        await vibe.SendAsync(new ExecuteRun(queued.Id));

        var log = (await vibe.SendAsync(new GetRun(queued.Id))).Log;
        var output = log.Where(line => line.StepIndex == 1 && int.TryParse(line.Message, out var _)).Select(line => int.Parse(line.Message, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(1, 1000), output);
        Assert.Contains(log, line => line.StepIndex is null && line.Message.Contains("started on test-host", StringComparison.Ordinal));
        var messages = log.Select(line => line.Message).ToList();
        Assert.True(messages.IndexOf("before") < messages.IndexOf("1") && messages.IndexOf("1000") < messages.IndexOf("after"));
    }

    [Fact]
    public async Task An_empty_sqlite_file_is_refused_and_kept_not_replaced_by_a_new_store()
    {
        // A 0-byte vibe.db is a store that lost its history (a failed copy, a full disk): it must be said, not
        // silently replaced by an empty store that hides the loss.
        using var workspace = new TempWorkspace().WriteRobots(Robots);
        var dataFolder = Path.Combine(workspace.Directory, ".vibe");
        Directory.CreateDirectory(dataFolder);
        var file = Path.Combine(dataFolder, "vibe.db");
        await File.WriteAllBytesAsync(file, []);
        await using var vibe = await InProcessVibe.StartAsync(workspace, new Dictionary<string, string> { ["VIBE_HOST_NAME"] = "test-host" }, migrate: false);

        var refused = await Assert.ThrowsAsync<VibeException>(() => vibe.Services.GetRequiredService<DatabaseMigrator>().EnsureReadyAsync(CancellationToken.None));

        Assert.Contains("empty (0 bytes)", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, new FileInfo(file).Length);
    }
}

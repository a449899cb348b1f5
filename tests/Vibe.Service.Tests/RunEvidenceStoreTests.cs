using Vibe.Domain.Runs;
using Vibe.TestSupport;

namespace Vibe.Service.Tests;

/// <summary>
/// A failed run's evidence goes into the store when its outcome is recorded (ADR 0022), through a store outage at that
/// very moment as the outcome does (ADR 0010), and a run's stored files go with the run on SQLite and PostgreSQL.
/// </summary>
public class RunEvidenceStoreTests
{
    public static TheoryData<string> Stores => new() { "sqlite", "postgres" };

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Deleting_a_run_deletes_its_stored_files_by_the_databases_own_cascade(string store)
    {
        const string Robot = """{ "robots": [ { "name": "noop", "executor": "shell", "steps": [ { "action": "log", "message": "x" } ] } ] }""";
        await using var world = store == "postgres" ? await ServiceWorkspace.PostgresAsync(Robot) : await ServiceWorkspace.SqliteAsync(Robot);
        var kept = await world.Store.EnqueueAsync("noop");
        var deleted = await world.Store.EnqueueAsync("noop");
        await world.Store.AddRunFileAsync(kept.Id, "evidence/screen.png", [1, 2, 3]);
        await world.Store.AddRunFileAsync(deleted.Id, "evidence/screen.png", [4, 5, 6]);
        await world.Store.AddRunFileAsync(deleted.Id, "evidence/trace.zip", [7, 8]);

        Assert.Equal(1, await world.Store.DeleteRunAsync(deleted.Id));

        Assert.Empty(await world.Store.RunFilesAsync(deleted.Id));
        Assert.Equal([1, 2, 3], (await world.Store.RunFilesAsync(kept.Id))["evidence/screen.png"]);
    }

    [Fact]
    public async Task A_failure_that_ends_while_the_store_is_down_is_recorded_with_its_evidence_once_the_store_is_back()
    {
        await using var server = await PostgresServer.StartAsync();
        var started = Path.Combine(Path.GetTempPath(), $"vibe-started-{Guid.NewGuid():N}.txt");
        await using var world = await ServiceWorkspace.OnServerAsync(
            $$"""
            { "robots": [
              { "name": "breaker", "executor": "shell",
                "steps": [ { "action": "run", "program": "sh", "args": ["-c", "echo started > '{{started}}'"] },
                           { "action": "wait", "duration": "3s" },
                           { "action": "run", "program": "sh", "args": ["-c", "echo the invoice portal refused us >&2; exit 3"] } ] }
            ] }
            """,
            server);
        try
        {
            await world.StartServiceAsync("svc");
            var queued = await world.Store.EnqueueAsync("breaker");
            await Eventually.TrueAsync(() => Task.FromResult(File.Exists(started)), async () => "the robot never started\n" + await world.ReportAsync());

            // The store goes away before the robot fails; its outcome waits in the journal, then the store comes back.
            await server.StopAsync();
            var journal = Path.Combine(world.Files.DataDirectory, "outcomes", $"{queued.Id}.json");
            await Eventually.TrueAsync(
                () => Task.FromResult(File.Exists(journal)),
                () => Task.FromResult("the outcome never reached the journal\n" + world.Services[0].Report()));
            await server.StartAgainAsync();

            var run = (await Eventually.ValueAsync(
                async () => (await world.Store.RunsOrNoneAsync("breaker")).FirstOrDefault(r => r.Id == queued.Id),
                r => r?.Status.IsFinished() == true,
                async _ => "the run was never recorded as finished\n" + await world.ReportAsync(),
                TimeSpan.FromSeconds(90)))!;
            var report = await world.ReportAsync();
            Assert.True(run.Status == RunStatus.Failed, report);

            var evidenceFolder = Path.Combine(world.Files.DataDirectory, "runs", run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "evidence");
            var local = Directory.EnumerateFiles(evidenceFolder).ToDictionary(path => "evidence/" + Path.GetFileName(path), File.ReadAllBytes);
            Assert.Contains("evidence/failure.txt", local.Keys);
            var stored = await Eventually.ValueAsync(
                () => world.Store.RunFilesAsync(run.Id),
                files => files.Count > 0,
                async _ => "the evidence never reached the store\n" + await world.ReportAsync());
            Assert.Equal(local.Keys.Order(StringComparer.Ordinal), stored.Keys.Order(StringComparer.Ordinal));
            Assert.All(local, pair => Assert.Equal(pair.Value, stored[pair.Key]));
            var log = await world.Store.LogAsync(run.Id);
            Assert.Single(log, line => line.Message.StartsWith("evidence stored for every host sharing the store", StringComparison.Ordinal));
            Assert.Single(await world.Store.RunsAsync("breaker"));
        }
        finally
        {
            File.Delete(started);
        }
    }
}

using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Vibe.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Vibe.Dashboard.Tests;

/// <summary>
/// Issue 16: the dashboard works "for every host sharing the store". A failed web run executed by the service of
/// host A leaves its evidence in A's data folder; the real `vibe dashboard`, `vibe status` and `vibe evidence` of
/// host B (another data folder, the same store) show and hand out those files from the store's copy. Over
/// VIBE_EVIDENCE_STORE_MB the biggest files stay on the host that ran the run, and every reader says so. A purge
/// removes the copies. On one SQLite file and on PostgreSQL.
/// </summary>
public class EvidenceAcrossHostsTests
{
    public static TheoryData<string> Stores => new() { "sqlite", "postgres" };

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_failed_run_of_host_A_shows_its_evidence_on_host_B_and_a_purge_removes_the_stored_copies(string store)
    {
        await using var database = store == "postgres" ? await PostgresDatabase.CreateAsync() : null;
        await using var world = new DashboardWorld(Robots.Json);
        world.Files.WriteFile("portal.html", Robots.Portal);
        world.Environment["VIBE_DB_PROVIDER"] = store;
        world.Environment["VIBE_DB_CONNECTION"] = database?.ConnectionString ?? $"Data Source={world.Files.PathOf("shared-store.db")}";
        var hostA = Host("host-a");
        var hostB = Host("host-b");

        if (database is not null)
        {
            var migrated = await world.CliAsAsync(hostA, "db", "migrate");
            Assert.True(migrated.ExitCode == 0, migrated.ToString());
        }

        // Host A's service runs the robot; its evidence is written to A's data folder only.
        var serviceA = await world.StartAsAsync("service-a", hostA, "vibe service started on", "start-service");
        var failed = await world.CliAsAsync(hostA, "run-now", "portal-check", "--wait");
        Assert.True(failed.ExitCode == 1, failed + world.Report());
        var runId = RunIdOf(failed);
        var onA = EvidenceOn(world, "host-a", runId);
        Assert.Contains("evidence/page.html", onA.Keys);
        Assert.Contains(onA.Keys, name => name.EndsWith(".png", StringComparison.Ordinal));
        Assert.Contains("evidence/trace.zip", onA.Keys);

        // B's dashboard shows the screenshot inline and serves the downloads, byte for byte, from the store.
        await world.StartDashboardAsAsync(hostB);
        var page = await world.NewPageAsync();
        await page.GotoAsync($"/runs/{runId}");
        await Expect(page.Locator("#run-status")).ToHaveTextAsync("Failed");
        var shot = page.Locator("img#screenshot");
        await Expect(shot).ToBeVisibleAsync();
        var width = await shot.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0");
        Assert.True(width > 100, $"the screenshot did not load on host B (natural width {width})\n{world.Report()}");
        await Expect(page.Locator("li[data-file='evidence/trace.zip']")).ToContainTextAsync("in the store");
        await Expect(page.Locator("#files")).ToContainTextAsync("show-trace");
        foreach (var (name, bytes) in onA)
        {
            var download = await page.APIRequest.GetAsync($"/runs/{runId}/files/{name}");
            Assert.True(download.Ok, $"{name}: HTTP {download.Status}\n{world.Report()}");
            Assert.Equal(bytes, await download.BodyAsync());
        }

        // B's CLI: status lists the files, evidence writes the same bytes.
        var status = await world.CliAsAsync(hostB, "status", runId, "--json");
        var files = JsonNode.Parse(status.Output)!["files"]!.AsArray();
        Assert.Equal(onA.Keys.Order(StringComparer.Ordinal), files.Select(file => (string)file!["name"]!).Order(StringComparer.Ordinal));
        Assert.All(files, file => Assert.True((bool)file!["stored"]!, status.Output));
        var text = await world.CliAsAsync(hostB, "status", runId);
        Assert.Contains("evidence/trace.zip", text.Output, StringComparison.Ordinal);
        Assert.Contains("in the store", text.Output, StringComparison.Ordinal);
        var written = await world.CliAsAsync(hostB, "evidence", runId, "--out", world.Files.PathOf("copy-b"));
        Assert.True(written.ExitCode == 0, written.ToString());
        foreach (var (name, bytes) in onA)
        {
            Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(world.Files.PathOf("copy-b"), name)));
        }

        world.Files.WriteFile("not-a-folder", "a file where --out wants a folder");
        var unwritable = await world.CliAsAsync(hostB, "evidence", runId, "--out", world.Files.PathOf("not-a-folder"));
        Assert.True(unwritable.ExitCode == 3 && unwritable.Error.StartsWith("vibe: --out: cannot write", StringComparison.Ordinal), unwritable.ToString());
        Assert.DoesNotContain("   at ", unwritable.Error, StringComparison.Ordinal);

        // Over the limit: host C's service keeps its biggest files; B's readers say they are only on host-c. A stops
        // first (SQLite serves one service host at a time; on PostgreSQL A would take C's run).
        var stopped = await world.CliAsAsync(hostA, "stop-service");
        Assert.True(stopped.ExitCode == 0, stopped + world.Report());
        await serviceA.DisposeAsync();
        var hostC = Host("host-c");
        hostC["VIBE_EVIDENCE_STORE_MB"] = "0.01";
        await world.StartAsAsync("service-c", hostC, "vibe service started on", "start-service");
        var overLimit = await world.CliAsAsync(hostC, "run-now", "portal-check", "--wait");
        Assert.True(overLimit.ExitCode == 1, overLimit + world.Report());
        var bigRunId = RunIdOf(overLimit);
        var onC = EvidenceOn(world, "host-c", bigRunId);
        var fits = onC.OrderBy(pair => pair.Value.Length).Aggregate(
            (Used: 0L, Names: new List<string>()),
            (sum, pair) => sum.Used + pair.Value.Length <= 10_485 ? (sum.Used + pair.Value.Length, [.. sum.Names, pair.Key]) : (long.MaxValue / 2, sum.Names)).Names;
        var kept = onC.Keys.Except(fits).ToList();
        var biggest = onC.MaxBy(pair => pair.Value.Length).Key;
        Assert.Contains(biggest, kept);
        Assert.NotEmpty(fits);

        var bigStatus = JsonNode.Parse((await world.CliAsAsync(hostB, "status", bigRunId, "--json")).Output)!;
        var listed = bigStatus["files"]!.AsArray().ToDictionary(file => (string)file!["name"]!, file => file!);
        Assert.All(fits, name => Assert.True((bool)listed[name]["stored"]!, bigStatus.ToJsonString()));
        Assert.All(kept, name => Assert.Equal("host-c", (string?)listed[name]["onlyOn"]));
        var log = bigStatus["log"]!.AsArray().Select(line => (string)line!["message"]!).ToList();
        Assert.Contains(log, line => line.StartsWith($"kept only on host-c, not in the store: {biggest} (", StringComparison.Ordinal) && line.Contains("VIBE_EVIDENCE_STORE_MB=0.01", StringComparison.Ordinal));

        await page.GotoAsync($"/runs/{bigRunId}");
        await Expect(page.Locator($"li[data-file='{biggest}']")).ToContainTextAsync("only on host-c");
        var partial = await world.CliAsAsync(hostB, "evidence", bigRunId, "--out", world.Files.PathOf("copy-c"));
        Assert.True(partial.ExitCode == 0, partial.ToString());
        Assert.Contains($"not written: {biggest} is kept only on host-c", partial.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(world.Files.PathOf("copy-c"), biggest)));

        // A purge on B removes the copies in the store (every host's), and says how much it freed.
        var purge = await world.CliAsAsync(hostB, "purge", "--older-than", "0m");
        Assert.True(purge.ExitCode == 0, purge.ToString());
        Assert.Contains($"{onA.Count + fits.Count} evidence file(s) from the store", purge.Output, StringComparison.Ordinal);
        var gone = await world.CliAsAsync(hostB, "evidence", runId, "--out", world.Files.PathOf("after-purge"));
        Assert.True(gone.ExitCode == 2 && gone.Error.Contains($"run {runId} has no files", StringComparison.Ordinal), gone.ToString());
        var afterPurge = JsonNode.Parse((await world.CliAsAsync(hostB, "status", runId, "--json")).Output)!;
        Assert.Empty(afterPurge["files"]!.AsArray());
    }

    private static Dictionary<string, string> Host(string name) => new()
    {
        ["VIBE_HOST_NAME"] = name,
        ["VIBE_DATA_DIR"] = ".vibe-" + name,
    };

    /// <summary>The run id in "run 3 failed: ..." or "run 3 queued; ...".</summary>
    private static string RunIdOf(CliResult result) =>
        System.Text.RegularExpressions.Regex.Match(result.Output, @"run (\d+) ").Groups[1].Value is { Length: > 0 } id ? id : throw new InvalidOperationException("no run id in\n" + result);

    private static Dictionary<string, byte[]> EvidenceOn(DashboardWorld world, string host, string runId)
    {
        var root = world.Files.PathOf(Path.Combine(".vibe-" + host, "runs", runId));
        return Directory.EnumerateFiles(Path.Combine(root, "evidence"), "*", SearchOption.AllDirectories)
            .ToDictionary(path => Path.GetRelativePath(root, path).Replace('\\', '/'), File.ReadAllBytes);
    }
}

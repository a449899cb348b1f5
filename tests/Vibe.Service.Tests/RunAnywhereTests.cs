using Vibe.Domain.Runs;

namespace Vibe.Service.Tests;

/// <summary>
/// `vibe run-now` decides from the store, not from a pid file in its own data folder: an operator's CLI on another
/// machine (its own data folder, no service) queues a run for the live service whose name or labels the robot is
/// pinned to, refuses with the reason when no such host is alive, and runs in its own session only when asked
/// (`--here`) or when it may and no service may. Real `vibe start-service` processes sharing a real store.
/// </summary>
public class RunAnywhereTests
{
    private const string Robots = """
        { "robots": [
          { "name": "render", "executor": "shell", "hosts": ["GPU"],
            "steps": [ { "action": "log", "message": "rendering on the gpu host" } ] },
          { "name": "render-broken", "executor": "shell", "hosts": ["gpu"],
            "steps": [ { "action": "run", "program": "sh", "args": ["-c", "echo cannot render; exit 3"] } ] },
          { "name": "vault", "executor": "shell", "hosts": ["vault-host"],
            "steps": [ { "action": "log", "message": "opening the vault" } ] }
        ] }
        """;

    private static readonly (string, string)[] HostA = [("VIBE_HOST_LABELS", "office")];
    private static readonly (string, string)[] HostB = [("VIBE_HOST_LABELS", "gpu, night")];

    [Fact]
    public async Task RunNow_from_an_operators_machine_queues_a_pinned_robot_for_the_live_host_with_its_label()
    {
        await using var world = await ServiceWorkspace.PostgresAsync(Robots);
        await world.StartServiceAsync("host-a", HostA);
        var hostB = await world.StartServiceAsync("host-b", HostB);

        // The operator's desk: a data folder of its own (no pid file, no service), the same store.
        var waited = await world.CliAsync("ops-desk", "run-now", "render", "--wait");
        var failed = await world.CliAsync("ops-desk", "run-now", "render-broken", "--wait");

        var report = waited + "\n" + failed + "\n" + await world.ReportAsync();
        Assert.True(waited.ExitCode == 0, report);
        Assert.Contains($"queued; the vibe service (pid {hostB.Pid}) runs it on host-b", waited.Output, StringComparison.Ordinal);
        Assert.Contains("rendering on the gpu host", waited.Output, StringComparison.Ordinal);
        var render = Assert.Single(await world.Store.RunsAsync("render"));
        Assert.Equal(RunStatus.Succeeded, render.Status);
        Assert.Equal("host-b", render.Host);

        // --wait ends with the run's own exit code: a failed run is 1, as in the foreground.
        Assert.True(failed.ExitCode == 1, report);
        Assert.Contains("cannot render", failed.Output, StringComparison.Ordinal);
        var broken = Assert.Single(await world.Store.RunsAsync("render-broken"));
        Assert.Equal(RunStatus.Failed, broken.Status);
        Assert.Equal("host-b", broken.Host);

        // `vibe status` on the operator's desk lists both hosts with their labels.
        var status = await world.CliAsync("ops-desk", "status");
        Assert.Contains($"service: running on host-b [labels: gpu, night] (pid {hostB.Pid})", status.Output, StringComparison.Ordinal);
        Assert.Contains("service: running on host-a [labels: office] (pid ", status.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunNow_of_a_robot_pinned_to_a_host_that_is_not_alive_says_so_and_runs_nothing_unless_told_here_or_queue()
    {
        await using var world = await ServiceWorkspace.PostgresAsync(Robots);
        await world.StartServiceAsync("host-a", HostA);
        await world.StartServiceAsync("host-b", HostB);

        var refused = await world.CliAsync("ops-desk", "run-now", "vault", "--wait");

        var report = refused + "\n" + await world.ReportAsync();
        Assert.True(refused.ExitCode == 5, report);
        var line = Assert.Single(refused.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("vibe: no live vibe service may run 'vault' (pinned to \"hosts\": vault-host)", line, StringComparison.Ordinal);
        Assert.Contains("live services: host-a [office], host-b [gpu, night]", line, StringComparison.Ordinal);
        Assert.Contains("this host (ops-desk) may not run it either", line, StringComparison.Ordinal);
        Assert.Contains("--here", line, StringComparison.Ordinal);
        Assert.Contains("--queue", line, StringComparison.Ordinal);
        Assert.Empty(await world.Store.RunsAsync("vault"));

        // --here: the operator's own session runs it, whatever the pins say.
        var here = await world.CliAsync("ops-desk", "run-now", "vault", "--here");
        report = here + "\n" + await world.ReportAsync();
        Assert.True(here.ExitCode == 0, report);
        Assert.Contains("opening the vault", here.Output, StringComparison.Ordinal);
        var ranHere = Assert.Single(await world.Store.RunsAsync("vault"));
        Assert.Equal(RunStatus.Succeeded, ranHere.Status);
        Assert.Equal("ops-desk", ranHere.Host);

        // --queue: queued for when a host that may run it starts, and the operator is told nobody takes it now.
        var queued = await world.CliAsync("ops-desk", "run-now", "vault", "--queue");
        report = queued + "\n" + await world.ReportAsync();
        Assert.True(queued.ExitCode == 0, report);
        Assert.Contains("warning: no live vibe service may run 'vault'", queued.Error, StringComparison.Ordinal);
        Assert.Contains("waits in the queue until one starts", queued.Error, StringComparison.Ordinal);
        var waiting = (await world.Store.RunsAsync("vault")).Last();
        Assert.NotEqual(ranHere.Id, waiting.Id);
        Assert.Contains($"run {waiting.Id} queued", queued.Output, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Pending, waiting.Status);

        // The host it is pinned to starts: it takes the waiting run.
        await world.StartServiceAsync("vault-host");
        var taken = await Eventually.ValueAsync(
            () => world.Store.RunAsync(waiting.Id),
            run => run?.Status.IsFinished() == true,
            async _ => "the queued run was not taken by the host it is pinned to\n" + await world.ReportAsync());
        Assert.Equal("vault-host", taken!.Host);
    }

    [Fact]
    public async Task On_SQLite_an_operator_with_another_data_folder_hands_a_pinned_run_to_the_one_service_or_says_no_host_may()
    {
        await using var world = await ServiceWorkspace.SqliteAsync(Robots);
        await world.StartServiceAsync("svc", ("VIBE_HOST_LABELS", "GPU"));
        // Another data folder (no pid file there), the service's SQLite file as the store.
        (string, string)[] elsewhere =
        [
            ("VIBE_DATA_DIR", ".vibe-ops"),
            ("VIBE_DB_CONNECTION", "Data Source=" + Path.Combine(world.DataDirectoryOf("svc"), "vibe.db")),
        ];

        var waited = await world.CliWithAsync("ops", elsewhere, "run-now", "render", "--wait");
        var refused = await world.CliWithAsync("ops", elsewhere, "run-now", "vault");

        var report = waited + "\n" + refused + "\n" + await world.ReportAsync();
        Assert.True(waited.ExitCode == 0, report);
        Assert.Contains("runs it on svc", waited.Output, StringComparison.Ordinal);
        Assert.Equal("svc", Assert.Single(await world.Store.RunsAsync("render")).Host);
        Assert.True(refused.ExitCode == 5, report);
        Assert.Contains("no live vibe service may run 'vault' (pinned to \"hosts\": vault-host); live services: svc [GPU]", refused.Error, StringComparison.Ordinal);
        Assert.Empty(await world.Store.RunsAsync("vault"));
    }
    [Fact]
    public async Task RunNow_here_beside_a_live_service_that_may_run_the_robot_runs_it_in_this_session_every_time()
    {
        await using var world = await ServiceWorkspace.SqliteAsync(Robots);
        await world.StartServiceAsync("svc", ("VIBE_HOST_LABELS", "GPU"));

        // The operator's CLI shares the service's data folder, so a queued run would wake the service at once: a run
        // that is Pending for a moment before the foreground starts it is the service's as often as not.
        var results = new List<Vibe.TestSupport.CliResult>();
        for (var i = 0; i < 5; i++)
        {
            results.Add(await world.CliAsync("ops", "run-now", "render", "--here"));
        }

        var report = string.Join("\n", results) + "\n" + await world.ReportAsync("render");
        Assert.All(results, result => Assert.True(result.ExitCode == 0, report));
        var runs = await world.Store.RunsAsync("render");
        Assert.Equal(5, runs.Count);
        Assert.All(runs, run => Assert.True(run.Host == "ops", report));
    }
}

using System.Text;
using Vibe.Bench.Anchors;
using Vibe.Bench.Harness;
using Vibe.Bench.Subjects;

namespace Vibe.Bench.Figures;

/// <summary>
/// Figure 1: draining queued no-op jobs on one PostgreSQL database — vibe beside Hangfire and Quartz.NET's clustered
/// store, with 1 and 4 workers. Statements and commits per job are the figure that does not drift with the machine.
/// </summary>
internal sealed class DispatchFigure : IFigure
{
    public string Name => "dispatch";

    public async Task RunAsync(BenchEnvironment environment, Report report, CancellationToken ct)
    {
        // The full 10,000 with 4 workers; 3,000 with one, which takes twice as long per job and would push the
        // whole benchmark past 15 minutes on two cores (counts per job do not depend on the number, times barely).
        var runs = environment.Scale(10_000, 1_000);
        var results = new List<DrainResult>();
        foreach (var (workers, jobs) in new[] { (1, runs * 3 / 10), (4, runs) })
        {
            results.Add(await VibeDrain.RunAsync(environment, jobs, workers, ct));
            Console.WriteLine(Line(results[^1]));
            if (environment.SkipAnchors)
            {
                continue;
            }

            results.Add(await HangfireDrain.RunAsync(environment, jobs, workers, ct));
            Console.WriteLine(Line(results[^1]));
            results.Add(await QuartzDrain.RunAsync(environment, jobs, workers, ct));
            Console.WriteLine(Line(results[^1]));
        }

        report.Add(Name, Render(results, runs));
    }

    private static string Line(DrainResult r) =>
        $"{r.System}, {r.Workers} worker(s): {r.RunsPerSecond:0} runs/s; enqueue {r.Enqueue.StatementsPer(r.Runs):0.00} statements {r.Enqueue.CommitsPer(r.Runs):0.00} commits; drain {r.Drain.StatementsPer(r.Runs):0.00} statements {r.Drain.CommitsPer(r.Runs):0.00} commits per run";

    private static string Render(IReadOnlyList<DrainResult> results, int runs)
    {
        var text = new StringBuilder();
        text.AppendLine("## 1. Dispatch throughput");
        text.AppendLine();
        text.AppendLine($"{runs:N0} queued no-op jobs ({runs * 3 / 10:N0} with one worker) drained on the same PostgreSQL cluster, one system after the other. vibe: a robot");
        text.AppendLine("with one `log` step, queued as `vibe run-now` queues it, drained by real `vibe start-service` processes (one per");
        text.AppendLine("host: a host runs one robot at a time, so 4 workers are 4 hosts). The drain time is first start to last finish.");
        text.AppendLine("Statements are those pg_stat_statements counts for the system's role (transaction control and session");
        text.AppendLine("settings left out); commits are the xact_commit delta of pg_stat_database, less the benchmark's own polls.");
        text.AppendLine("Service start-up, heartbeats and housekeeping during the drain are included.");
        text.AppendLine();
        text.AppendLine("| system | workers | jobs | runs/s | enqueue: statements/run | enqueue: commits/run | drain: statements/run | drain: commits/run |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            text.AppendLine($"| {r.System} | {r.Workers} | {r.Runs:N0} | {r.RunsPerSecond:0} | {r.Enqueue.StatementsPer(r.Runs):0.00} | {r.Enqueue.CommitsPer(r.Runs):0.00} | {r.Drain.StatementsPer(r.Runs):0.00} | {r.Drain.CommitsPer(r.Runs):0.00} |");
        }

        text.AppendLine();
        text.AppendLine("Published for comparison (quartznet/quartznet issue 3824): Hangfire ≈ 61.6 statements and 29.4 commits per job,");
        text.AppendLine("Quartz ≈ 26 and 5.9. vibe's design target: at most 4 statements and 3 commits per run, its log rows included.");
        text.AppendLine("Hangfire: its documented 1.8 set-up, the PostgreSQL storage's defaults, WorkerCount = workers. Quartz: clustered");
        text.AppendLine("AdoJobStore on PostgreSQL with the System.Text.Json serializer, MaxConcurrency = workers, everything else default —");
        text.AppendLine("including the 60 s misfire threshold, which rewrites triggers of a backlog older than a minute (real Quartz behaviour,");
        text.AppendLine("a few statements per job more at 10,000 jobs). Hangfire's and Quartz's drain time runs from server start to the");
        text.AppendLine("last job; vibe's from first claim to last finish (its services are separate processes).");
        foreach (var r in results.Where(r => r.Workers == 1))
        {
            text.AppendLine();
            text.AppendLine($"What {r.System} sends per run while draining (1 worker):");
            text.AppendLine();
            foreach (var line in r.Drain.Top(r.Runs))
            {
                text.AppendLine("- " + line);
            }
        }

        return text.ToString();
    }
}

using System.Text;
using Vibe.Bench.Harness;
using Vibe.Bench.History;
using Vibe.Infrastructure.Persistence;

namespace Vibe.Bench.Figures;

/// <summary>
/// Figure 3: does vibe stay fast with years of history? A million finished runs and ten million log lines in
/// vibe's own schema, then `vibe status`, `vibe status &lt;id&gt;` and the worker's claim, with their query plans.
/// </summary>
internal sealed class HistoryFigure : IFigure
{
    public string Name => "history";

    public async Task RunAsync(BenchEnvironment environment, Report report, CancellationToken ct)
    {
        var sqlite = await HistoryMeasurement.RunAsync(environment, DatabaseProviders.Sqlite, ct);
        var postgres = await HistoryMeasurement.RunAsync(environment, DatabaseProviders.Postgres, ct);
        report.Add(Name, Render([sqlite, postgres]));
    }

    private static string Render(IReadOnlyList<HistoryMeasurement> measurements)
    {
        var text = new StringBuilder();
        var first = measurements[0].Load;
        text.AppendLine("## 3. History at scale");
        text.AppendLine();
        text.AppendLine($"A store built by `vibe db migrate` (vibe's own schema and indexes) and filled with set-based SQL: {first.Runs - HistoryData.PendingRuns:N0} finished runs");
        text.AppendLine($"over two years of {HistoryData.Robots.Count} robots (19 share them evenly; {HistoryMeasurement.FilteredRobot} runs weekly, about 104 runs), every 97th run a retry of the");
        text.AppendLine($"one before; {first.LogLines:N0} log lines ({HistoryData.LinesPerRun} per run); and {HistoryData.PendingRuns} retries queued but not yet due, which the claim must pass by.");
        text.AppendLine($"Counted back from the store: {first.Mix}.");
        text.AppendLine("PostgreSQL gets VACUUM ANALYZE after the load (what autovacuum does by itself); SQLite is left as vibe leaves it (no ANALYZE).");
        text.AppendLine("The load itself takes shortcuts a live store never sees (SQLite without a journal, PostgreSQL without the log table's");
        text.AppendLine("foreign-key triggers; the data is consistent by construction); the measurements run on the store as vibe opens it.");
        text.AppendLine();
        text.AppendLine("Generation time is the whole load: the runs, the log lines, the queued retries (and on PostgreSQL the sequences and VACUUM ANALYZE).");
        text.AppendLine();
        text.AppendLine("| provider | runs | log lines | store size | generation time |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var m in measurements)
        {
            text.AppendLine($"| {Title(m.Provider)} | {m.Load.Runs:N0} | {m.Load.LogLines:N0} | {m.Load.SizeMiB:N0} MiB | {m.Load.Elapsed.TotalSeconds:0.0} s |");
        }

        text.AppendLine();
        text.AppendLine("In-process: the real handlers through the mediator in a fresh scope (ListRuns with limit 20; GetRun of a run in the middle");
        text.AppendLine("of the history, with its 10 log lines; a claim through `IRunQueue.ClaimNextAsync` with a freshly queued Pending run each");
        text.AppendLine("time), after 3 warm-up rounds. Whole CLI process: `dotnet artifacts/vibe/vibe.dll status ...` in the config folder, start");
        text.AppendLine("to exit, after one warm-up; it includes the .NET start-up that figure 4 measures on its own.");
        foreach (var m in measurements)
        {
            text.AppendLine();
            text.AppendLine($"### {Title(m.Provider)}");
            text.AppendLine();
            text.AppendLine("| operation | query in-process | whole CLI process |");
            text.AppendLine("|---|---|---|");
            text.AppendLine($"| latest 20 runs (`vibe status --limit 20`) | {m.ListInProcess.MedianAndSpread("0.00")} | {m.ListCli.MedianAndSpread("0")} |");
            text.AppendLine($"| latest 20 runs of one robot (`vibe status --robot {HistoryMeasurement.FilteredRobot}`) | {m.ListByRobotInProcess.MedianAndSpread("0.00")} | (not measured: the same start-up) |");
            text.AppendLine($"| run {m.MiddleRunId:N0} with its log (`vibe status {m.MiddleRunId}`) | {m.GetInProcess.MedianAndSpread("0.00")} | {m.GetCli.MedianAndSpread("0")} |");
            text.AppendLine($"| latest 20 runs on the same store before it was filled (for comparison) | | {m.EmptyListCli.MedianAndSpread("0")} |");
            text.AppendLine($"| claim the next due run (the service's worker) | {m.ClaimInProcess.MedianAndSpread("0.00")} | (no CLI command) |");
            text.AppendLine($"| the dashboard overview's handler (hosts, the day's runs by status, failing robots, next fire times) | {m.OverviewInProcess.MedianAndSpread("0.00")} | (the page: below) |");
            text.AppendLine();
            text.AppendLine(m.Provider == DatabaseProviders.Sqlite ? "Plans (`EXPLAIN QUERY PLAN`):" : "Plans (`EXPLAIN (ANALYZE, BUFFERS)`; the claim's UPDATE rolled back):");
            text.AppendLine();
            foreach (var plan in m.Plans)
            {
                text.AppendLine($"- {plan.Label}: {(plan.FullScan ? "**" + plan.Verdict + "**" : plan.Verdict)}");
            }

            text.AppendLine();
            text.AppendLine("```");
            foreach (var plan in m.Plans)
            {
                text.AppendLine($"-- {plan.Label}");
                text.AppendLine("-- " + QueryPlans.Flatten(plan.Sql));
                foreach (var line in plan.Lines)
                {
                    text.AppendLine(line);
                }

                text.AppendLine();
            }

            text.AppendLine("```");
            if (m.Dashboard is { } dashboard)
            {
                RenderDashboard(text, m.Provider, dashboard);
            }
        }

        var scans = measurements.SelectMany(m => m.Plans.Where(p => p.FullScan).Select(p => $"{Title(m.Provider)}: {p.Label}")).ToList();
        text.AppendLine();
        text.AppendLine(scans.Count == 0
            ? "Verdict: no statement of these commands scans the runs or the log table; each is an index seek or a key-ordered walk that a LIMIT stops."
            : "Verdict: full scans in " + string.Join("; ", scans) + ".");
        return text.ToString();
    }

    private static void RenderDashboard(StringBuilder text, string provider, DashboardMeasurement dashboard)
    {
        text.AppendLine();
        text.AppendLine($"#### The control room over this store ({Title(provider)})");
        text.AppendLine();
        text.AppendLine("The real `vibe dashboard` process serving this store on loopback, no users (local requests are let in). Each time is");
        text.AppendLine("a whole request from a client on the same machine — routing, the handlers' queries, rendering the page — after 3");
        text.AppendLine("warm-up requests, so it bounds the server's time from above. The plans of these pages' statements are listed above.");
        text.AppendLine();
        text.AppendLine("| page | request (median, min–max) | page size |");
        text.AppendLine("|---|---|---:|");
        foreach (var (label, times, bytes) in dashboard.Pages)
        {
            text.AppendLine($"| {label} | {times.MedianAndSpread("0.0")} | {bytes / 1024.0:0.0} KiB |");
        }

        text.AppendLine();
        text.AppendLine($"`/api/runs?limit=20`, {dashboard.ApiRequests:N0} requests on keep-alive connections: " +
            $"{dashboard.ApiRequestsPerSecondOneClient:N0} requests/s from one client, {dashboard.ApiRequestsPerSecondFourClients:N0} requests/s from four at once " +
            "(client and server share the machine's cores).");
    }

    private static string Title(string provider) => provider == DatabaseProviders.Sqlite ? "SQLite (embedded default)" : "PostgreSQL";
}

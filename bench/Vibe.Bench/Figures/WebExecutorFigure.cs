using System.Text;
using Vibe.Bench.Harness;
using Vibe.Bench.Subjects;
using Vibe.Bench.Web;

namespace Vibe.Bench.Figures;

/// <summary>
/// Figure 6: what vibe's web executor adds to a run before its first action, against raw Playwright doing the same
/// with the same browser and launch options; the browser launch itself is measured apart.
/// </summary>
internal sealed class WebExecutorFigure : IFigure
{
    private const string Browser = "/usr/bin/chromium";

    public string Name => "web-executor";

    public async Task RunAsync(BenchEnvironment environment, Report report, CancellationToken ct)
    {
        if (!File.Exists(Browser))
        {
            throw new InvalidOperationException($"{Browser} is not installed (bench/run.sh installs Debian's chromium)");
        }

        await using var workspace = await VibeWorkspace.CreateAsync(environment, "web-executor", WebRobots.Json, postgresDatabase: null, ct);
        var page = Path.Combine(workspace.Directory, WebRobots.PageFile);
        await File.WriteAllTextAsync(page, WebRobots.Page, ct);
        var url = new Uri(page).AbsoluteUri;
        var vibe = new VibeWebSession(workspace.InProcess);

        var n = environment.Scale(8, 5);
        var rounds = new List<Round>();
        for (var i = -1; i < n; i++)
        {
            // The three subjects take turns, in a rotating order, so a slow spell of the shared machine hits all alike.
            var round = new Round();
            foreach (var subject in Rotate(3, i + 1))
            {
                ct.ThrowIfCancellationRequested();
                switch (subject)
                {
                    case 0:
                        round.Vibe = await vibe.RunAsync(WebRobots.Default, ct);
                        break;
                    case 1:
                        round.VibeNoTrace = await vibe.RunAsync(WebRobots.NoTrace, ct);
                        break;
                    default:
                        round.Raw = await RawPlaywrightSession.RunAsync(Browser, url, ct);
                        break;
                }
            }

            if (i >= 0)
            {
                rounds.Add(round);
                Console.WriteLine($"  round {i + 1}/{n}: vibe {round.Vibe!.Total:0} ms, vibe without trace {round.VibeNoTrace!.Total:0} ms, raw {round.Raw!.Total:0} ms (driver {round.Raw.Driver:0}, launch {round.Raw.Launch:0}, context {round.Raw.Context:0}, page {round.Raw.Page:0}, goto {round.Raw.Goto:0} ms)");
            }
        }

        report.Add(Name, Render(rounds, n));
    }

    private static IEnumerable<int> Rotate(int count, int by) => Enumerable.Range(0, count).Select(k => (k + by) % count);

    private static string Render(List<Round> rounds, int n)
    {
        Samples Of(Func<Round, double> value)
        {
            var samples = new Samples("ms");
            samples.AddRange(rounds.Select(value));
            return samples;
        }

        var vibe = Of(r => r.Vibe!.Total);
        var noTrace = Of(r => r.VibeNoTrace!.Total);
        var raw = Of(r => r.Raw!.Total);
        var driver = Of(r => r.Raw!.Driver);
        var launch = Of(r => r.Raw!.Launch);
        var context = Of(r => r.Raw!.Context);
        var newPage = Of(r => r.Raw!.Page);
        var gotoPage = Of(r => r.Raw!.Goto);
        var overhead = Of(r => r.Vibe!.Total - r.Raw!.Total);
        var overheadNoTrace = Of(r => r.VibeNoTrace!.Total - r.Raw!.Total);
        var trace = Of(r => r.Vibe!.Total - r.VibeNoTrace!.Total);
        var beyondLaunch = Of(r => r.Vibe!.Total - r.Raw!.Launch);
        var vibeClose = Of(r => r.Vibe!.Close);
        var noTraceClose = Of(r => r.VibeNoTrace!.Close);
        var rawClose = Of(r => r.Raw!.Close);

        var text = new StringBuilder();
        text.AppendLine("## 6. Web executor overhead");
        text.AppendLine();
        text.AppendLine("Time from the start of a web run to its first action done, against raw Playwright doing the same with the same");
        text.AppendLine($"browser and launch options, measured in one process, n={n} rounds after one warm-up round (the three subjects take");
        text.AppendLine("turns in a rotating order, so a busy spell of the machine hits them alike).");
        text.AppendLine();
        text.AppendLine($"- **vibe**: vibe's real web executor from its composition root (`AddVibe`, SQLite workspace): `OpenSessionAsync` with an");
        text.AppendLine("  `ExecutorContext` built as `ExecuteRunHandler` builds it (the robot from the catalog, the run folder, the masker,");
        text.AppendLine("  the environment) until the first step, `{ \"action\": \"goto\", \"url\": \"page.html\" }` (a small page beside");
        text.AppendLine("  robots.json, so the robot's folder is looked up in the catalog), has returned from `ExecuteStepAsync`. The browser is");
        text.AppendLine($"  the default `auto` choice, which here finds Debian's Chromium; headless. The run log is kept in memory. Browser: {rounds[0].Vibe!.Browser?["browser: ".Length..].Split(", started", 2)[0] ?? "?"}.");
        text.AppendLine("  Once with the default settings (a Playwright trace with screenshots and snapshots is recorded from the start, kept");
        text.AppendLine("  only if a step fails), once with `\"web\": { \"trace\": false }`.");
        text.AppendLine($"- **raw Playwright**: `Playwright.CreateAsync` (starts the driver), `Chromium.LaunchAsync` ({Browser}, headless, vibe's");
        text.AppendLine("  arguments), `NewContextAsync` (vibe's viewport, downloads accepted), `NewPageAsync`, `GotoAsync` of the same page as");
        text.AppendLine("  a file:// URL. The launch alone is the `LaunchAsync` call inside it.");
        text.AppendLine("- Differences are medians of the per-round differences (each round pairs runs a few seconds apart).");
        text.AppendLine();
        text.AppendLine("| what | median (min–max, n) |");
        text.AppendLine("|---|---|");
        text.AppendLine($"| vibe, default settings (trace on) | {vibe.MedianAndSpread("0")} |");
        text.AppendLine($"| vibe, `trace: false` | {noTrace.MedianAndSpread("0")} |");
        text.AppendLine($"| raw Playwright, driver start to page loaded | {raw.MedianAndSpread("0")} |");
        text.AppendLine($"| of which the driver start (`Playwright.CreateAsync`) | {driver.MedianAndSpread("0")} |");
        text.AppendLine($"| of which the browser launch alone (`LaunchAsync`) | {launch.MedianAndSpread("0")} |");
        text.AppendLine($"| of which `NewContextAsync` | {context.MedianAndSpread("0")} |");
        text.AppendLine($"| of which `NewPageAsync` | {newPage.MedianAndSpread("0")} |");
        text.AppendLine($"| of which `GotoAsync` (the first action) | {gotoPage.MedianAndSpread("0")} |");
        text.AppendLine($"| **overhead: vibe − raw** | **{overhead.MedianAndSpread("0")}** |");
        text.AppendLine($"| overhead with `trace: false` − raw | {overheadNoTrace.MedianAndSpread("0")} |");
        text.AppendLine($"| of the overhead, starting the trace (vibe − vibe `trace: false`) | {trace.MedianAndSpread("0")} |");
        text.AppendLine($"| vibe minus the browser launch alone | {beyondLaunch.MedianAndSpread("0")} |");
        text.AppendLine($"| closing: vibe session `DisposeAsync` (trace on) | {vibeClose.MedianAndSpread("0")} |");
        text.AppendLine($"| closing: vibe session `DisposeAsync` (`trace: false`) | {noTraceClose.MedianAndSpread("0")} |");
        text.AppendLine($"| closing: raw `browser.CloseAsync` + driver stop | {rawClose.MedianAndSpread("0")} |");
        text.AppendLine();
        text.AppendLine(Explain(overhead, overheadNoTrace, trace, raw));
        return text.ToString();
    }

    private static string Explain(Samples overhead, Samples overheadNoTrace, Samples trace, Samples raw)
    {
        static bool Resolved(Samples differences) => differences.Min > 0 || differences.Max < 0;
        var text = new StringBuilder();
        text.Append("Where the time goes: vibe makes the same Playwright calls with the same options, so nearly all of either total is ");
        text.Append("the driver start, the browser launch and the first page (the parts above); the executor's own code before Playwright ");
        text.Append("(finding the robot's folder, reading the settings) takes microseconds (section 7). ");
        text.Append(Resolved(overhead)
            ? $"vibe − raw is {Samples.F(overhead.Median, "0")} ms in every round ({Samples.F(overhead.Min, "0")} to {Samples.F(overhead.Max, "0")} ms). "
            : $"The paired vibe − raw differences run from {Samples.F(overhead.Min, "0")} to {Samples.F(overhead.Max, "0")} ms around a median of {Samples.F(overhead.Median, "0")} ms: "
              + $"vibe's overhead is smaller than what one round varies on this machine (raw Playwright alone spans {Samples.F(raw.Min, "0")}–{Samples.F(raw.Max, "0")} ms). ");
        text.Append($"The one thing vibe adds beyond those calls is the trace it records by default (`trace: true`, kept only when a step fails): ");
        text.Append($"{Samples.F(trace.Median, "0")} ms per run at the median");
        text.Append(Resolved(trace) ? "." : $", though the rounds range from {Samples.F(trace.Min, "0")} to {Samples.F(trace.Max, "0")} ms.");
        text.Append($" With `trace: false`, vibe − raw is {Samples.F(overheadNoTrace.Median, "0")} ms ({Samples.F(overheadNoTrace.Min, "0")} to {Samples.F(overheadNoTrace.Max, "0")}). ");
        text.Append("The trace stays on by default because it is the evidence of a failed step; a robot that never needs it can turn it off.");
        return text.ToString();
    }

    private sealed class Round
    {
        public WebTiming? Vibe { get; set; }

        public WebTiming? VibeNoTrace { get; set; }

        public WebTiming? Raw { get; set; }
    }
}

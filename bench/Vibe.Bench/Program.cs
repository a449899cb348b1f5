using System.Diagnostics;
using Vibe.Bench.Figures;
using Vibe.Bench.Harness;

// vibe's benchmarks: `dotnet bench/Vibe.Bench/bin/Release/net10.0/Vibe.Bench.dll [--quick] [--only a,b] [--out FILE]
// [--vibe PATH/vibe.dll] [--no-anchors]` (the last two compare another build of vibe, e.g. an older commit's).
// bench/run.sh starts what they need (PostgreSQL with pg_stat_statements, a published vibe) and calls this.
var quick = args.Contains("--quick");
var only = ValueOf("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
var root = BenchEnvironment.FindRepositoryRoot();
var output = ValueOf("--out") ?? Path.Combine(root, "docs", "performance.md");

IFigure[] figures =
[
    new DispatchFigure(),
    new LatencyFigure(),
    new HistoryFigure(),
    new CliStartupFigure(),
    new ServiceAtRestFigure(),
    new WebExecutorFigure(),
    new MicroFigure(),
    new DesktopCalcFigure(),
];

var environment = new BenchEnvironment(quick, root) { SkipAnchors = args.Contains("--no-anchors") };
if (ValueOf("--vibe") is { } otherVibe)
{
    environment.VibeDll = Path.GetFullPath(otherVibe);
}

var report = new Report();
var clock = Stopwatch.StartNew();
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var failed = new List<string>();
foreach (var figure in figures.Where(f => only is null || only.Contains(f.Name, StringComparer.OrdinalIgnoreCase)))
{
    Console.WriteLine($"== {figure.Name} ({clock.Elapsed.TotalMinutes:0.0} min so far)");
    try
    {
        await figure.RunAsync(environment, report, cancel.Token);
    }
    catch (Exception ex) when (!cancel.IsCancellationRequested)
    {
        // One broken figure must not cost the others: it is reported, and the exit code says so.
        failed.Add(figure.Name);
        Console.Error.WriteLine($"figure {figure.Name} failed: {ex}");
        report.Add(figure.Name, $"## {figure.Name}\n\nNot measured in this run: {ex.GetType().Name}: {ex.Message}");
    }
}

Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllTextAsync(output, report.Render(environment, clock.Elapsed));
Console.WriteLine($"wrote {output} in {clock.Elapsed.TotalMinutes:0.0} min");
try
{
    Directory.Delete(environment.Work, recursive: true);
}
catch (IOException)
{
    // A scratch folder left in /tmp is not worth failing the run for.
}

return failed.Count == 0 ? 0 : 1;

string? ValueOf(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

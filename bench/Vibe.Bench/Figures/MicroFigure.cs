using System.Diagnostics;
using System.Text;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;
using Vibe.Bench.Harness;
using Vibe.Bench.Micro;

namespace Vibe.Bench.Figures;

/// <summary>
/// Figure 7: BenchmarkDotNet micro-benchmarks of code every run goes through: masking a log line, loading the robot
/// files, computing a schedule's next fire times. In this process (no separate build), with a short job.
/// </summary>
internal sealed class MicroFigure : IFigure
{
    public string Name => "micro";

    public Task RunAsync(BenchEnvironment environment, Report report, CancellationToken ct)
    {
        MicroInputs.RepositoryRoot = environment.RepositoryRoot;
        var iterations = environment.Scale(15, 6);
        var iterationTime = environment.Scale(200, 80);
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(environment.Scale(4, 2))
            .WithIterationCount(iterations)
            .WithIterationTime(TimeInterval.FromMilliseconds(iterationTime))
            .WithId("short");
        var logPath = Path.Combine(environment.Work, "benchmarkdotnet.log");
        using var log = new StreamLogger(logPath);
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(log)
            .WithArtifactsPath(Path.Combine(environment.Work, "BenchmarkDotNet.Artifacts"));

        var clock = Stopwatch.StartNew();
        var summaries = new List<Summary>();
        foreach (var type in new[] { typeof(MaskerBenchmarks), typeof(RobotFileBenchmarks), typeof(CronBenchmarks), typeof(WebSessionSetupBenchmarks) })
        {
            ct.ThrowIfCancellationRequested();
            summaries.Add(BenchmarkRunner.Run(type, config));
            Console.WriteLine($"  {type.Name} done at {clock.Elapsed.TotalSeconds:0} s");
        }

        var failures = MicroSummary.Failures(summaries).ToList();
        if (failures.Count > 0)
        {
            log.Flush();
            Console.Error.WriteLine(string.Join('\n', File.ReadLines(logPath).TakeLast(60)));
            throw new InvalidOperationException($"benchmarks without a result: {string.Join(", ", failures)} (BenchmarkDotNet's log is above)");
        }

        report.Add(Name, Render(summaries, iterations, iterationTime, environment.Scale(4, 2), clock.Elapsed));
        return Task.CompletedTask;
    }

    private static string Render(List<Summary> summaries, int iterations, int iterationTime, int warmup, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        text.AppendLine("## 7. Micro-benchmarks");
        text.AppendLine();
        text.AppendLine("Code every run or command goes through, measured with BenchmarkDotNet 0.15.8 in the benchmark's own process");
        text.AppendLine($"(in-process emit toolchain, so nothing is built apart) with a short job: one launch, {warmup} warm-up and {iterations} measured");
        text.AppendLine($"iterations of about {iterationTime} ms each (BenchmarkDotNet picks how many calls make one iteration), overhead");
        text.AppendLine("subtracted, allocations from its memory diagnoser. Median and spread are per call, over the iterations kept after");
        text.AppendLine("BenchmarkDotNet's outlier removal (n);");
        text.AppendLine($"the whole figure took {elapsed.TotalSeconds:0} s.");
        text.AppendLine();
        text.AppendLine("- **SecretMasker.Mask**: a 120-character step line against 5 configured secrets, once containing one of them and once none");
        text.AppendLine("  (every log line, error and evidence text is masked before it is kept or shown).");
        text.AppendLine($"- **RobotFileLoader.Load**: reading, parsing, applying defaults to and validating the shipped robot files ({RobotFileBenchmarks.Shipped ?? "?"}),");
        text.AppendLine("  with the validators of vibe's composition root; every CLI command loads them once.");
        text.AppendLine("- **QuartzScheduleCalendar.NextFireTime**: the shipped `daily-report` schedule (`0 30 7 ? * MON-FRI`, Europe/Paris); it parses");
        text.AppendLine("  the expression and finds the zone on every call, as vibe uses it; ten in a row is what catching up missed fire times walks.");
        text.AppendLine("- **web executor before Playwright**: the robot file's folder (carried on the definition since issue 13) and");
        text.AppendLine("  `WebOptionsReader.Read` for the shipped `web-sample` robot: the part of figure 6's session that is vibe's own code.");
        text.AppendLine();
        text.Append(MicroSummary.Table(summaries));
        return text.ToString();
    }
}

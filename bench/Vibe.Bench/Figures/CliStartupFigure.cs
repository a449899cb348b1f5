using System.Text;
using Vibe.Bench.Harness;

namespace Vibe.Bench.Figures;

/// <summary>
/// Figure 4: how long a user waits for `vibe --help`, `vibe status` and `vibe list-robots`, as whole processes, beside
/// the smallest .NET console program started the same way (the floor), framework-dependent and ReadyToRun.
/// </summary>
internal sealed class CliStartupFigure : IFigure
{
    public string Name => "cli-startup";

    public async Task RunAsync(BenchEnvironment environment, Report report, CancellationToken ct)
    {
        var repetitions = environment.Scale(8, 4);
        var workspace = await CreateWorkspaceAsync(environment, ct);
        var commands = new (string Label, string[] Arguments)[]
        {
            ("--help", ["--help"]),
            ("status", ["status"]),
            ("list-robots", ["list-robots"]),
        };
        var programs = new (string Label, string File, string[] Prefix)[]
        {
            ("`./vibe` (what README.md says: the launcher, ReadyToRun)", environment.VibeLauncher, []),
            ("`dotnet artifacts/vibe/vibe.dll` (ReadyToRun, no launcher)", "dotnet", [environment.VibeDll]),
            ("`dotnet vibe.dll` (plain IL, framework-dependent)", "dotnet", [environment.VibeIlDll]),
        };

        var floor = await TimeAsync("dotnet", [environment.FloorDll], workspace, repetitions, ct);
        var floorR2R = await TimeAsync("dotnet", [environment.FloorReadyToRunDll], workspace, repetitions, ct);
        var rows = new List<(string Program, string Command, Samples Time)>();
        foreach (var (label, file, prefix) in programs)
        {
            foreach (var (command, arguments) in commands)
            {
                rows.Add((label, command, await TimeAsync(file, [.. prefix, .. arguments], workspace, repetitions, ct)));
                Console.WriteLine($"{label} {command}: {rows[^1].Time.MedianAndSpread("0")}");
            }
        }

        var text = new StringBuilder();
        text.AppendLine("## 4. CLI start-up");
        text.AppendLine();
        text.AppendLine($"Whole processes, wall time from start to exit, {repetitions} runs each after one warm-up, in a configuration folder with");
        text.AppendLine("the shipped robots.json and robots.d/ and a migrated SQLite store (the embedded default). The floor is a console");
        text.AppendLine("program that prints one line (bench/Floor), started the same way with `dotnet`.");
        text.AppendLine();
        text.AppendLine($"- floor, framework-dependent: {floor.MedianAndSpread("0")}");
        text.AppendLine($"- floor, ReadyToRun: {floorR2R.MedianAndSpread("0")}");
        text.AppendLine();
        text.AppendLine("| program | command | time | × floor |");
        text.AppendLine("|---|---|---:|---:|");
        foreach (var (program, command, time) in rows)
        {
            text.AppendLine($"| {program} | `{command}` | {time.MedianAndSpread("0")} | {time.Median / floor.Median:0.0} |");
        }

        text.AppendLine();
        text.AppendLine("Goal: a read command (`status`, `list-robots`) within 2× the floor.");
        report.Add(Name, text.ToString());
    }

    /// <summary>A configuration folder like a fresh checkout's: the shipped robots, a migrated SQLite store with a few runs.</summary>
    private static async Task<string> CreateWorkspaceAsync(BenchEnvironment environment, CancellationToken ct)
    {
        var directory = Path.Combine(environment.Work, "cli");
        Directory.CreateDirectory(directory);
        File.Copy(Path.Combine(environment.RepositoryRoot, "robots.json"), Path.Combine(directory, "robots.json"));
        File.Copy(Path.Combine(environment.RepositoryRoot, "robots.schema.json"), Path.Combine(directory, "robots.schema.json"));
        var robotsD = Path.Combine(directory, "robots.d");
        Directory.CreateDirectory(robotsD);
        foreach (var file in Directory.GetFiles(Path.Combine(environment.RepositoryRoot, "robots.d"), "*.json"))
        {
            File.Copy(file, Path.Combine(robotsD, Path.GetFileName(file)));
        }

        var (_, exit, output) = await ChildProcess.RunAsync("dotnet", [environment.VibeDll, "db", "migrate"], directory, null, ct);
        if (exit != 0)
        {
            throw new InvalidOperationException("vibe db migrate failed: " + output);
        }

        return directory;
    }

    private static async Task<Samples> TimeAsync(string file, string[] arguments, string directory, int repetitions, CancellationToken ct)
    {
        var samples = new Samples("ms");
        for (var i = -1; i < repetitions; i++)
        {
            var (ms, exit, output) = await ChildProcess.RunAsync(file, arguments, directory, null, ct);
            // Older builds (measured with --vibe) end `--help` with Cocona's exit code 129; vibe now exits 0.
            if (exit != 0 && !(exit == 129 && arguments.Contains("--help")))
            {
                throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {exit}: {output}");
            }

            if (i >= 0)
            {
                samples.Add(ms);
            }
        }

        return samples;
    }
}

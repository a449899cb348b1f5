using System.Text;

namespace Vibe.Bench.Harness;

/// <summary>The sections each figure contributes, written out as docs/performance.md.</summary>
internal sealed class Report
{
    private readonly List<(string Key, string Markdown)> _sections = [];

    public void Add(string key, string markdown)
    {
        Console.WriteLine();
        Console.WriteLine(markdown);
        _sections.Add((key, markdown));
    }

    public string Render(BenchEnvironment environment, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        text.AppendLine("# vibe performance");
        text.AppendLine();
        text.AppendLine("Written by the benchmark project (`bench/`); do not edit the figures by hand: run it again.");
        text.AppendLine("Every figure is a median with its spread (min–max over n repetitions) or a latency distribution");
        text.AppendLine("(p50 · p99 · max). Counts of SQL statements and commits do not drift with the machine; times do.");
        text.AppendLine();
        text.AppendLine("## How to reproduce");
        text.AppendLine();
        text.AppendLine("```");
        text.AppendLine("bash bench/run.sh            # everything, about 15 minutes on two cores");
        text.AppendLine("bash bench/run.sh --quick    # a smaller data set, a few minutes");
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine("It installs what it needs (PostgreSQL, Chromium), starts a throwaway PostgreSQL cluster with");
        text.AppendLine("pg_stat_statements on a loopback port, publishes vibe the way README.md tells users to run it, runs");
        text.AppendLine("every figure and rewrites this file.");
        text.AppendLine();
        text.AppendLine("## This run");
        text.AppendLine();
        foreach (var line in environment.Describe(elapsed))
        {
            text.AppendLine("- " + line);
        }

        foreach (var (_, markdown) in _sections)
        {
            text.AppendLine();
            text.AppendLine(markdown.TrimEnd());
        }

        var improvements = Path.Combine(environment.RepositoryRoot, "bench", "improvements.md");
        if (File.Exists(improvements))
        {
            text.AppendLine();
            text.AppendLine(File.ReadAllText(improvements).TrimEnd());
        }

        return text.ToString();
    }
}

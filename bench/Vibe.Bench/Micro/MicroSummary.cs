using System.Globalization;
using System.Text;
using BenchmarkDotNet.Reports;

namespace Vibe.Bench.Micro;

/// <summary>BenchmarkDotNet's summaries as one markdown table: benchmark | median | spread | allocated per op.</summary>
internal static class MicroSummary
{
    public static string Table(IEnumerable<Summary> summaries)
    {
        var text = new StringBuilder();
        text.AppendLine("| benchmark | median | spread (min–max) | n | allocated per op |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var report in summaries.SelectMany(summary => summary.Reports))
        {
            var name = report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\'');
            var statistics = report.ResultStatistics;
            if (statistics is null)
            {
                text.AppendLine($"| {name} | failed | | | |");
                continue;
            }

            var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
            text.AppendLine(
                $"| {name} | {Time(statistics.Median)} | {Time(statistics.Min)}–{Time(statistics.Max)} | {statistics.N} | {Bytes(allocated)} |");
        }

        return text.ToString();
    }

    public static IEnumerable<string> Failures(IEnumerable<Summary> summaries) =>
        summaries.SelectMany(summary => summary.Reports)
            .Where(report => report.ResultStatistics is null)
            .Select(report => report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo);

    /// <summary>Nanoseconds in the unit that keeps three significant digits readable.</summary>
    private static string Time(double nanoseconds) => nanoseconds switch
    {
        < 1_000 => F(nanoseconds, "ns"),
        < 1_000_000 => F(nanoseconds / 1_000, "µs"),
        _ => F(nanoseconds / 1_000_000, "ms"),
    };

    private static string Bytes(long? bytes) => bytes switch
    {
        null => "n/a",
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => F(bytes.Value / 1024.0, "KiB"),
        _ => F(bytes.Value / 1024.0 / 1024.0, "MiB"),
    };

    private static string F(double value, string unit) =>
        value.ToString(value < 10 ? "0.00" : value < 100 ? "0.0" : "0", CultureInfo.InvariantCulture) + " " + unit;
}

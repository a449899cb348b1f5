using System.Globalization;

namespace Vibe.Bench.Harness;

/// <summary>Repeated measurements of one quantity, summarised as median and spread (never a single run).</summary>
internal sealed class Samples
{
    private readonly List<double> _values = [];

    public Samples(string unit) => Unit = unit;

    public string Unit { get; }

    public int Count => _values.Count;

    public void Add(double value) => _values.Add(value);

    public void AddRange(IEnumerable<double> values) => _values.AddRange(values);

    public double Median => Percentile(50);

    public double Min => Sorted().FirstOrDefault();

    public double Max => Sorted().LastOrDefault();

    /// <summary>Nearest-rank percentile, so p99 of 100 samples is the 99th smallest.</summary>
    public double Percentile(double p)
    {
        var sorted = Sorted();
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    /// <summary>"median (min–max, n runs)": the form every figure in docs/performance.md uses.</summary>
    public string MedianAndSpread(string format = "0.0") =>
        Count == 0 ? "n/a" : $"{F(Median, format)} {Unit} ({F(Min, format)}–{F(Max, format)}, n={Count})";

    public string Latency(string format = "0.0") =>
        Count == 0 ? "n/a" : $"p50 {F(Median, format)} · p99 {F(Percentile(99), format)} · max {F(Max, format)} {Unit} (n={Count})";

    public static string F(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);

    private List<double> Sorted()
    {
        var sorted = new List<double>(_values);
        sorted.Sort();
        return sorted;
    }
}

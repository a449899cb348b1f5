using Vibe.Bench.Harness;

namespace Vibe.Bench.Figures;

internal sealed class LatencyFigure : IFigure
{
    public string Name => "latency";

    public Task RunAsync(BenchEnvironment environment, Report report, CancellationToken ct) =>
        throw new NotSupportedException("not written yet");
}

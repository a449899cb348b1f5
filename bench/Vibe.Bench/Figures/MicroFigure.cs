using Vibe.Bench.Harness;

namespace Vibe.Bench.Figures;

internal sealed class MicroFigure : IFigure
{
    public string Name => "micro";

    public Task RunAsync(BenchEnvironment environment, Report report, CancellationToken ct) =>
        throw new NotSupportedException("not written yet");
}

using Vibe.Bench.Harness;

namespace Vibe.Bench.Figures;

internal sealed class HistoryFigure : IFigure
{
    public string Name => "history";

    public Task RunAsync(BenchEnvironment environment, Report report, CancellationToken ct) =>
        throw new NotSupportedException("not written yet");
}

using Vibe.Bench.Harness;

namespace Vibe.Bench.Figures;

internal sealed class DispatchFigure : IFigure
{
    public string Name => "dispatch";

    public Task RunAsync(BenchEnvironment environment, Report report, CancellationToken ct) =>
        throw new NotSupportedException("not written yet");
}

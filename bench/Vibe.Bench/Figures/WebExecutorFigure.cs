using Vibe.Bench.Harness;

namespace Vibe.Bench.Figures;

internal sealed class WebExecutorFigure : IFigure
{
    public string Name => "web-executor";

    public Task RunAsync(BenchEnvironment environment, Report report, CancellationToken ct) =>
        throw new NotSupportedException("not written yet");
}

using Vibe.Bench.Harness;

namespace Vibe.Bench.Figures;

internal sealed class CliStartupFigure : IFigure
{
    public string Name => "cli-startup";

    public Task RunAsync(BenchEnvironment environment, Report report, CancellationToken ct) =>
        throw new NotSupportedException("not written yet");
}

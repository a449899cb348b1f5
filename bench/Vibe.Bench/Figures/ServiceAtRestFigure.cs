using Vibe.Bench.Harness;

namespace Vibe.Bench.Figures;

internal sealed class ServiceAtRestFigure : IFigure
{
    public string Name => "service-at-rest";

    public Task RunAsync(BenchEnvironment environment, Report report, CancellationToken ct) =>
        throw new NotSupportedException("not written yet");
}

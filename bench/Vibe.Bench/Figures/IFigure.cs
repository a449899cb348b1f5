using Vibe.Bench.Harness;

namespace Vibe.Bench.Figures;

/// <summary>One figure of docs/performance.md: measures, then adds its section to the report.</summary>
internal interface IFigure
{
    /// <summary>The name `vibe-bench --only NAME` selects it by.</summary>
    string Name { get; }

    Task RunAsync(BenchEnvironment environment, Report report, CancellationToken ct);
}

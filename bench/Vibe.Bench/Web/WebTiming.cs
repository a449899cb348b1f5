namespace Vibe.Bench.Web;

/// <summary>
/// One session, start to first step done, in milliseconds. The parts (driver start, launch, context, page, goto)
/// are known only for raw Playwright, where the calls are the benchmark's own; vibe's executor is timed from outside.
/// </summary>
internal sealed record WebTiming(double Total, double Close, string? Browser = null)
{
    public double Driver { get; init; }

    public double Launch { get; init; }

    public double Context { get; init; }

    public double Page { get; init; }

    public double Goto { get; init; }
}

namespace Vibe.Bench.Harness;

/// <summary>
/// One drain of the dispatch figure: a system (vibe, Hangfire, Quartz) with some workers ran <see cref="Runs"/>
/// queued no-op jobs. Enqueue and drain are counted apart: queueing 10,000 jobs is not dispatching them.
/// </summary>
internal sealed record DrainResult(string System, int Workers, int Runs, double DrainSeconds, SqlCounters Enqueue, SqlCounters Drain)
{
    public double RunsPerSecond => Runs / DrainSeconds;
}

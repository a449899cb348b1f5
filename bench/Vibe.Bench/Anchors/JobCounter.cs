namespace Vibe.Bench.Anchors;

/// <summary>
/// What the anchors' no-op jobs do: count themselves. Static because Hangfire invokes a static method by name
/// and Quartz builds its job through its own container; one drain runs at a time, and each starts with
/// <see cref="Reset"/>, so no count leaks from one run into the next.
/// </summary>
internal static class JobCounter
{
    private static int s_count;
    private static int s_target;
    private static TaskCompletionSource s_done = NewSource();

    public static int Count => Volatile.Read(ref s_count);

    public static void Reset(int target)
    {
        Volatile.Write(ref s_target, target);
        Volatile.Write(ref s_done, NewSource());
        Volatile.Write(ref s_count, 0);
    }

    public static void Increment()
    {
        if (Interlocked.Increment(ref s_count) == Volatile.Read(ref s_target))
        {
            Volatile.Read(ref s_done).TrySetResult();
        }
    }

    /// <summary>Waits for the target count; a drain that stalls fails with what it reached instead of hanging the run.</summary>
    public static async Task WaitAsync(string system, TimeSpan timeout, CancellationToken ct)
    {
        try
        {
            await Volatile.Read(ref s_done).Task.WaitAsync(timeout, ct);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{system}: only {Count} of {Volatile.Read(ref s_target)} jobs ran within {timeout.TotalSeconds:0} s");
        }
    }

    /// <summary>Generous: a drain is minutes at most on a slow machine, not an hour.</summary>
    public static TimeSpan TimeoutFor(int jobs) => TimeSpan.FromSeconds(120 + (jobs / 10.0));

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

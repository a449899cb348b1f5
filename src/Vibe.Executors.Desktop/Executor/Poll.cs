namespace Vibe.Executors.Desktop.Executor;

/// <summary>Asks again until something is there or the time is up; the driver itself never waits.</summary>
internal static class Poll
{
    private static readonly TimeSpan FirstInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>Calls <paramref name="probe"/> until it returns a value or <paramref name="timeout"/> has passed (at least one call).</summary>
    public static async Task<T?> UntilAsync<T>(Func<CancellationToken, Task<T?>> probe, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
        where T : class
    {
        var started = time.GetTimestamp();
        var attempt = 0;
        while (true)
        {
            var result = await probe(cancellationToken);
            if (result is not null)
            {
                return result;
            }

            var elapsed = time.GetElapsedTime(started);
            if (elapsed >= timeout)
            {
                return null;
            }

            var pause = attempt++ < 3 ? FirstInterval : Interval;
            await Task.Delay(pause < timeout - elapsed ? pause : timeout - elapsed, time, cancellationToken);
        }
    }

    /// <summary>Like <see cref="UntilAsync{T}"/> for a condition.</summary>
    public static async Task<bool> UntilTrueAsync(Func<CancellationToken, Task<bool>> condition, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken) =>
        await UntilAsync(async ct => await condition(ct) ? Yes : null, timeout, time, cancellationToken) is not null;

    private static readonly object Yes = new();
}

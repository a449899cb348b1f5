namespace Vibe.Service.Tests;

/// <summary>
/// Waits for a condition the services bring about in their own time. The timeouts are generous on purpose: they
/// bound a hang, they do not measure speed (the machine may be shared with other test projects).
/// </summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public static async Task TrueAsync(Func<Task<bool>> condition, Func<Task<string>> explain, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            if (await condition())
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"waited {limit.TotalSeconds:0} s: {await explain()}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Waits until <paramref name="read"/> returns a value that satisfies <paramref name="done"/>, and returns it.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> done, Func<T, Task<string>> explain, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"waited {limit.TotalSeconds:0} s: {await explain(value)}");
            }

            await Task.Delay(200);
        }
    }
}

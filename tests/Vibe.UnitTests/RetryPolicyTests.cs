using Vibe.Domain.Robots;

namespace Vibe.UnitTests;

public class RetryPolicyTests
{
    [Fact]
    public void DelayBefore_grows_by_the_backoff_factor_and_stops_at_maxDelay()
    {
        var policy = new RetryPolicy(5, TimeSpan.FromSeconds(10), 2, TimeSpan.FromSeconds(50), Jitter: false);

        var delays = Enumerable.Range(2, 4).Select(attempt => policy.DelayBefore(attempt, 0.5)).ToList();

        Assert.Equal([TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(50)], delays);
    }

    [Theory]
    [InlineData(0.0, 5)]
    [InlineData(0.999, 10)]
    public void DelayBefore_with_jitter_spreads_between_half_and_all_of_the_delay(double random, int expectedSeconds)
    {
        var policy = new RetryPolicy(3, TimeSpan.FromSeconds(10), 2, TimeSpan.FromMinutes(1));

        Assert.Equal(expectedSeconds, policy.DelayBefore(2, random).TotalSeconds, precision: 1);
    }

    [Fact]
    public void ShouldRetry_honours_retryOn()
    {
        var timeoutOnly = new RetryPolicy(3, TimeSpan.FromSeconds(1), 2, TimeSpan.FromSeconds(5), RetryOn: RetryOn.Timeout);
        var pattern = new RetryPolicy(3, TimeSpan.FromSeconds(1), 2, TimeSpan.FromSeconds(5), RetryOn: RetryOn.ErrorPattern, ErrorPattern: "timeout|503");

        Assert.True(timeoutOnly.ShouldRetry(timedOut: true, "x"));
        Assert.False(timeoutOnly.ShouldRetry(timedOut: false, "element not found"));
        Assert.True(pattern.ShouldRetry(false, "server said 503"));
        Assert.False(pattern.ShouldRetry(false, "element not found"));
    }
}

using Vibe.Infrastructure.Service;

namespace Vibe.UnitTests;

public class CatchUpCutoffTests
{
    private static readonly DateTime Start = new(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Threshold = TimeSpan.FromSeconds(30);

    [Fact]
    public void At_start_a_fire_time_of_a_moment_ago_is_left_to_the_host_that_fired_it()
    {
        var until = CatchUpCutoff.Until(Start, Start.AddMilliseconds(50), Threshold);

        Assert.True(Start.AddMilliseconds(-500) > until, "another host may still be recording it");
        Assert.True(Start.AddSeconds(-3) <= until, "older ones missed while no service ran are caught up at once");
    }

    [Fact]
    public void A_few_seconds_after_start_every_fire_time_before_it_counts_as_missed()
    {
        var until = CatchUpCutoff.Until(Start, Start.AddSeconds(3), Threshold);

        Assert.Equal(Start.AddMilliseconds(-1), until);
    }

    [Fact]
    public void Fire_times_after_start_count_as_missed_only_once_the_misfire_threshold_passed()
    {
        var now = Start.AddMinutes(5);

        Assert.Equal(now - Threshold, CatchUpCutoff.Until(Start, now, Threshold));
    }
}

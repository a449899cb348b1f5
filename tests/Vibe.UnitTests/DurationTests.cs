using Vibe.Domain.Robots;

namespace Vibe.UnitTests;

public class DurationTests
{
    [Theory]
    [InlineData("00:00:30", 30)]
    [InlineData("1.00:00:00", 86400)]
    [InlineData("500ms", 0.5)]
    [InlineData("30s", 30)]
    [InlineData("5m", 300)]
    [InlineData("2h", 7200)]
    [InlineData("1d", 86400)]
    public void TryParse_accepts_what_people_write(string text, double seconds)
    {
        Assert.True(Duration.TryParse(text, out var value));
        Assert.Equal(seconds, value.TotalSeconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("5 weeks")]
    [InlineData("-5s")]
    [InlineData("25:99:00")]
    public void TryParse_rejects_what_is_not_a_duration(string text) => Assert.False(Duration.TryParse(text, out _));
}

using Vibe.Executors.Web.Tests.Harness;

namespace Vibe.Executors.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class IsolationTests
{
    private const string SignIn = """
        { "action": "goto", "url": "{site}login.html" },
        { "action": "fill", "selector": "#username", "value": "demo" },
        { "action": "fill", "selector": "#password", "value": "demo-password" },
        { "action": "click", "selector": "#sign-in" },
        { "action": "waitFor", "url": "**/dashboard.html" },
        { "action": "evaluate", "expression": "document.cookie", "variable": "cookie" }
        """;

    private const string Revisit = """
        { "action": "goto", "url": "{site}dashboard.html" },
        { "action": "evaluate", "expression": "document.cookie", "variable": "cookie" },
        { "action": "extract", "selector": "#welcome", "variable": "welcome" }
        """;

    private readonly WebRobotHarness _harness;

    public IsolationTests(WebRobotHarness harness)
    {
        _harness = harness;
    }

    [Fact]
    public async Task A_run_does_not_see_the_cookies_of_the_run_before()
    {
        var first = _harness.Start($$"""{ "steps": [ {{SignIn}} ] }""");
        await first.SucceedsAsync();
        Assert.Equal("vibe_session=demo", first.Variable("cookie"));

        var second = _harness.Start($$"""{ "steps": [ {{Revisit}} ] }""");
        await second.SucceedsAsync();
        Assert.Equal("", second.Variable("cookie"));
        Assert.Equal("Not signed in", second.Variable("welcome"));
    }

    [Fact]
    public async Task A_named_profile_keeps_the_sign_in_for_the_next_run()
    {
        var profile = Path.Combine(_harness.Root, "profiles", Guid.NewGuid().ToString("N"));
        var web = $$"""{ "profile": "{{profile.Replace("\\", "\\\\", StringComparison.Ordinal)}}" }""";

        await _harness.Start($$"""{ "web": {{web}}, "steps": [ {{SignIn}} ] }""").SucceedsAsync();
        var second = _harness.Start($$"""{ "web": {{web}}, "steps": [ {{Revisit}} ] }""");
        await second.SucceedsAsync();

        Assert.Equal("vibe_session=demo", second.Variable("cookie"));
        Assert.Equal("Welcome, demo", second.Variable("welcome"));
    }
}

using Vibe.Executors.Web.Tests.Harness;

namespace Vibe.Executors.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class IsolationTests
{
    private const string SignIn = """
        { "action": "goto", "url": "{site}login.html" },
        { "action": "fill", "selector": "#username", "value": "demo" },
        { "action": "type", "selector": "#password", "text": "${env:SHOP_PASSWORD}", "delay": "5ms" },
        { "action": "check", "selector": "#remember" },
        { "action": "click", "selector": "role=button[name='Sign in']" },
        { "action": "waitFor", "url": "**/dashboard.html" },
        { "action": "assertText", "selector": "#welcome", "text": "Welcome, demo", "match": "exact" },
        { "action": "assertVisible", "selector": "text=Report ready" },
        { "action": "evaluate", "expression": "document.cookie", "variable": "cookie" }
        """;

    private const string Revisit = """
        { "action": "goto", "url": "{site}dashboard.html" },
        { "action": "evaluate", "expression": "document.cookie", "variable": "cookie" },
        { "action": "extract", "selector": "#welcome", "variable": "welcome" }
        """;

    private readonly WebRobotHarness _harness;

    private static void Password(TestEnvironment environment) => environment["SHOP_PASSWORD"] = "demo-password";

    public IsolationTests(WebRobotHarness harness)
    {
        _harness = harness;
    }

    [Fact]
    public async Task A_run_signs_in_without_showing_the_password_and_the_next_run_does_not_see_its_cookie()
    {
        var first = _harness.Start($$"""{ "steps": [ {{SignIn}} ] }""", Password);
        await first.SucceedsAsync();
        Assert.Equal("vibe_session=demo", first.Variable("cookie"));
        Assert.DoesNotContain("demo-password", first.Log.Text, StringComparison.Ordinal);
        Assert.Contains("browser: /usr/bin/chromium", first.Log.Text, StringComparison.Ordinal);

        // A run that succeeds keeps no trace and no evidence.
        Assert.Empty(Directory.EnumerateFiles(first.RunFolder, "*", SearchOption.AllDirectories));

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

        await _harness.Start($$"""{ "web": {{web}}, "steps": [ {{SignIn}} ] }""", Password).SucceedsAsync();
        var second = _harness.Start($$"""{ "web": {{web}}, "steps": [ {{Revisit}} ] }""");
        await second.SucceedsAsync();

        Assert.Equal("vibe_session=demo", second.Variable("cookie"));
        Assert.Equal("Welcome, demo", second.Variable("welcome"));
    }
}

using System.IO.Compression;
using System.Text;
using Vibe.Executors.Web.Tests.Harness;
using Vibe.TestSupport;

namespace Vibe.Executors.Web.Tests;

/// <summary>
/// Issue 18 (H1) through the real `vibe` process and a real Chromium: a password with special characters typed into
/// a form that is really POSTed, a site that sets a session cookie, then a failing step. Neither the password in any
/// encoding nor the cookie may be in trace.zip or page.html, and the trace keeps no request bodies.
/// </summary>
[Collection(BrowserCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class TraceSecretsTests
{
    private const string Password = "p@ss w0rd&<x>\"q\"";

    [Fact]
    public async Task A_failing_run_after_a_form_post_keeps_the_password_and_the_session_cookie_out_of_the_trace()
    {
        using var workspace = new TempWorkspace();
        workspace.WriteFile("site/form.html", """
            <!doctype html><html><head><meta charset="utf-8"><title>Sign in</title></head><body>
            <form method="post" action="session.html"><input id="user" name="user" value="demo"><input id="pw" name="pw" type="password"><button id="go" type="submit">Go</button></form>
            </body></html>
            """);
        workspace.WriteFile("site/session.html", """
            <!doctype html><html><head><meta charset="utf-8"><title>Welcome</title></head><body><p id="hello">signed in</p>
            <script>fetch('session.html?again=1', { method: 'POST', headers: { 'Authorization': 'Bearer auth-header-' + (70 + 7) + 'e1' }, body: 'x=1' });</script></body></html>
            """);
        using var site = new StaticSiteServer(workspace.PathOf("site"));
        workspace.WriteEnv("VIBE_WEB_HEADLESS=true", $"VIBE_WEB_BROWSER={WebRobotHarness.SystemChromium}");
        workspace.WriteRobotList($$"""
            { "name": "poster", "executor": "web", "steps": [
              { "action": "goto", "url": "{{site.Url("form.html")}}" },
              { "action": "fill", "selector": "#pw", "value": "${env:PORTAL_PASSWORD}" },
              { "action": "click", "selector": "#go" },
              { "action": "waitFor", "selector": "#hello" },
              { "action": "click", "selector": "#missing", "timeout": "1s" } ] }
            """);

        // From the real environment: the password's quotes and spaces need no .env quoting.
        var run = await VibeProcess.RunAsync(workspace.Directory, new Dictionary<string, string> { ["PORTAL_PASSWORD"] = Password }, "run-now", "poster");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("#missing", run.Output + run.Error, StringComparison.Ordinal);
        var evidence = Path.Combine(workspace.DataDirectory, "runs", "1", "evidence");
        var tracePath = Path.Combine(evidence, "trace.zip");
        Assert.True(File.Exists(tracePath), run.ToString());
        var trace = ReadAll(tracePath);
        var page = await File.ReadAllTextAsync(Path.Combine(evidence, "page.html"));

        // The run really posted the form: the trace knows the request, just not its body.
        Assert.Contains("session.html", trace, StringComparison.Ordinal);
        foreach (var (form, text) in Forms())
        {
            Assert.False(trace.Contains(text, StringComparison.Ordinal), $"trace.zip holds the password {form}: {text}");
            Assert.False(page.Contains(text, StringComparison.Ordinal), $"page.html holds the password {form}");
        }

        Assert.DoesNotContain(StaticSiteServer.SessionCookie, trace, StringComparison.Ordinal);
        Assert.DoesNotContain("auth-header-77e1", trace, StringComparison.Ordinal);
        Assert.DoesNotContain("\"postData\"", trace, StringComparison.Ordinal);
        Assert.Equal("0600", Convert.ToString((int)File.GetUnixFileMode(tracePath) & 0x1FF, 8).PadLeft(4, '0'));
    }

    private static IEnumerable<(string Form, string Text)> Forms() =>
    [
        ("as typed", Password),
        ("JSON-escaped", "p@ss w0rd&<x>\\\"q\\\""),
        ("form-encoded (+)", "p%40ss+w0rd%26%3Cx%3E%22q%22"),
        ("URL-encoded (%20)", "p%40ss%20w0rd%26%3Cx%3E%22q%22"),
        ("HTML-escaped", "p@ss w0rd&amp;&lt;x&gt;"),
        ("in part", "w0rd"),
    ];

    // Every entry, pictures and all, as text: a secret must not be anywhere in the archive.
    private static string ReadAll(string zipPath)
    {
        using var archive = ZipFile.OpenRead(zipPath);
        var text = new StringBuilder();
        foreach (var entry in archive.Entries)
        {
            using var stream = entry.Open();
            using var reader = new StreamReader(stream, Encoding.UTF8);
            text.Append(entry.FullName).Append('\n').Append(reader.ReadToEnd()).Append('\n');
        }

        return text.ToString();
    }
}

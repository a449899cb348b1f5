namespace Vibe.Bench.Web;

/// <summary>The figure's robots: one `goto` to a small page beside robots.json, with vibe's default settings and without the trace.</summary>
internal static class WebRobots
{
    public const string Default = "web-first-step";
    public const string NoTrace = "web-first-step-no-trace";
    public const string PageFile = "page.html";

    public const string Json = $$"""
        { "robots": [
          { "name": "{{Default}}", "executor": "web",
            "steps": [ { "action": "goto", "url": "{{PageFile}}" } ] },
          { "name": "{{NoTrace}}", "executor": "web", "web": { "trace": false },
            "steps": [ { "action": "goto", "url": "{{PageFile}}" } ] }
        ] }
        """;

    public const string Page = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>vibe bench</title></head>
        <body><h1>Invoices</h1><form><input id="user" name="user"><button type="submit">Sign in</button></form></body></html>
        """;
}
